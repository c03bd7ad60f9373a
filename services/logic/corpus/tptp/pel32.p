% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 32
fof(a1,axiom,![X]: ((f(X) & (g(X) | h(X))) => i(X))).
fof(a2,axiom,![X]: ((i(X) & h(X)) => j(X))).
fof(a3,axiom,![X]: (k(X) => h(X))).
fof(pel32,conjecture,![X]: ((f(X) & k(X)) => j(X))).
