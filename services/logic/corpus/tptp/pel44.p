% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 44
fof(a1,axiom,![X]: (f(X) => ((?[Y]: (g(Y) & h(X,Y))) & (?[Y]: (g(Y) & ~h(X,Y)))))).
fof(a2,axiom,?[X]: (j(X) & ![Y]: (g(Y) => h(X,Y)))).
fof(pel44,conjecture,?[X]: (j(X) & ~f(X))).
