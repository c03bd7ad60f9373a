% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 24
fof(a1,axiom,~?[X]: (s(X) & q(X))).
fof(a2,axiom,![X]: (p(X) => (q(X) | r(X)))).
fof(a3,axiom,~(?[X]: p(X)) => ?[Y]: q(Y)).
fof(a4,axiom,![X]: ((q(X) | r(X)) => s(X))).
fof(pel24,conjecture,?[X]: (p(X) & r(X))).
