% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 37
fof(a1,axiom,![Z]: ?[W]: ![X]: ?[Y]: ((p(X,Z) => p(Y,W)) & p(Y,Z) & (p(Y,W) => ?[U]: q(U,W)))).
fof(a2,axiom,![X,Z]: (~p(X,Z) => ?[Y]: q(Y,Z))).
fof(a3,axiom,(?[X,Y]: q(X,Y)) => ![Z]: r(Z,Z)).
fof(pel37,conjecture,![X]: ?[Y]: r(X,Y)).
