% Expected: SZS status CounterSatisfiable (checked with E 2.6 --auto)
% Source: shared seed corpus /work/shared/data/tptp (standard textbook examples), copied unchanged below this line
fof(all_humans_mortal, axiom, ![X]: (human(X) => mortal(X))).
fof(goal, conjecture, mortal(socrates)).
