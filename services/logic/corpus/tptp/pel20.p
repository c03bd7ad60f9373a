% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 20
fof(a1,axiom,![X,Y]: ?[Z]: ![W]: ((p(X) & q(Y)) => (r(Z) & s(W)))).
fof(pel20,conjecture,(?[X,Y]: (p(X) & q(Y))) => ?[Z]: r(Z)).
