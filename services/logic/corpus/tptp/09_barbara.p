% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: shared seed corpus /work/shared/data/tptp (standard textbook examples), copied unchanged below this line
fof(a1,axiom,![X]: (cat(X) => mammal(X))). fof(a2,axiom,![X]: (mammal(X) => animal(X))). fof(c,conjecture,![X]: (cat(X) => animal(X))).
