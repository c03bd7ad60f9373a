% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 29
fof(a1,axiom,(?[X]: f(X)) & (?[Y]: g(Y))).
fof(pel29,conjecture,(((![X]: (f(X) => h(X))) & (![Y]: (g(Y) => j(Y)))) <=> ![X,Y]: ((f(X) & g(Y)) => (h(X) & j(Y))))).
