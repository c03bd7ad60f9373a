% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: shared seed corpus /work/shared/data/tptp (standard textbook examples), copied unchanged below this line
fof(all_humans_mortal, axiom, ![X]: (human(X) => mortal(X))).
fof(socrates_human, axiom, human(socrates)).
fof(goal, conjecture, mortal(socrates)).
