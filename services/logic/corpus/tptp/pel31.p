% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 31
fof(a1,axiom,~?[X]: (f(X) & (g(X) | h(X)))).
fof(a2,axiom,?[X]: (i(X) & f(X))).
fof(a3,axiom,![X]: (~h(X) => j(X))).
fof(pel31,conjecture,?[X]: (i(X) & j(X))).
