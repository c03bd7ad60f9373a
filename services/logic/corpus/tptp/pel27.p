% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 27
fof(a1,axiom,?[X]: (f(X) & ~g(X))).
fof(a2,axiom,![X]: (f(X) => h(X))).
fof(a3,axiom,![X]: ((j(X) & i(X)) => f(X))).
fof(a4,axiom,(?[X]: (h(X) & ~g(X))) => ![Y]: (i(Y) => ~h(Y))).
fof(pel27,conjecture,![X]: (j(X) => ~i(X))).
