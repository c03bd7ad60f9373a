% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: shared seed corpus /work/shared/data/tptp (standard textbook examples), copied unchanged below this line
fof(a1,axiom,![X]: (dog(X) => ~cat(X))). fof(a2,axiom,dog(rex)). fof(c,conjecture,~cat(rex)).
