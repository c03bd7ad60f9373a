% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 45
fof(a1,axiom,![X]: ((f(X) & ![Y]: ((g(Y) & h(X,Y)) => j(X,Y))) => ![Y]: ((g(Y) & h(X,Y)) => k(Y)))).
fof(a2,axiom,~?[Y]: (l(Y) & k(Y))).
fof(a3,axiom,?[X]: (f(X) & (![Y]: (h(X,Y) => l(Y))) & ![Y]: ((g(Y) & h(X,Y)) => j(X,Y)))).
fof(pel45,conjecture,?[X]: (f(X) & ~?[Y]: (g(Y) & h(X,Y)))).
