% Expected: SZS status CounterSatisfiable (checked with E 2.6 --auto)
% Source: shared seed corpus /work/shared/data/tptp (standard textbook examples), copied unchanged below this line
fof(a1,axiom,p). fof(c,conjecture,(p=>q)).
