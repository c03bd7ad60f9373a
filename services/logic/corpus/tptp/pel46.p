% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 46
fof(a1,axiom,![X]: ((f(X) & ![Y]: ((f(Y) & h(Y,X)) => g(Y))) => g(X))).
fof(a2,axiom,(?[X]: (f(X) & ~g(X))) => ?[X]: (f(X) & ~g(X) & ![Y]: ((f(Y) & ~g(Y)) => j(X,Y)))).
fof(a3,axiom,![X,Y]: ((f(X) & f(Y) & h(X,Y)) => ~j(Y,X))).
fof(pel46,conjecture,![X]: (f(X) => g(X))).
