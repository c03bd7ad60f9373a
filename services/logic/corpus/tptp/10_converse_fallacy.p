% Expected: SZS status CounterSatisfiable (checked with E 2.6 --auto)
% Source: shared seed corpus /work/shared/data/tptp (standard textbook examples), copied unchanged below this line
fof(a1,axiom,![X]: (cat(X) => animal(X))). fof(c,conjecture,![X]: (animal(X) => cat(X))).
