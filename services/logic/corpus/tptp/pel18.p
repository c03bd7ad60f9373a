% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 18
fof(pel18,conjecture,?[Y]: ![X]: (f(Y) => f(X))).
