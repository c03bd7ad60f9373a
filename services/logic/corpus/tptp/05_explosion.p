% Expected: SZS status ContradictoryAxioms (checked with E 2.6 --auto)
% Source: shared seed corpus /work/shared/data/tptp (standard textbook examples), copied unchanged below this line
fof(a1,axiom,p). fof(a2,axiom,~p). fof(c,conjecture,q).
