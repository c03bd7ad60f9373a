% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 21
fof(a1,axiom,?[X]: (p => f(X))).
fof(a2,axiom,?[X]: (f(X) => p)).
fof(pel21,conjecture,?[X]: (p <=> f(X))).
