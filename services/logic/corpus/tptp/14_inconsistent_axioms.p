% Expected: SZS status Unsatisfiable (checked with E 2.6 --auto)
% Source: shared seed corpus /work/shared/data/tptp (standard textbook examples), copied unchanged below this line
fof(a1,axiom,![X]: (bird(X) => flies(X))). fof(a2,axiom,bird(tweety)). fof(a3,axiom,~flies(tweety)).
