% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 56
fof(pel56,conjecture,((![X]: ((?[Y]: (f(Y) & X = g(Y))) => f(X))) <=> (![X]: (f(X) => f(g(X)))))).
