% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 51
fof(a1,axiom,?[Z,W]: ![X,Y]: (f(X,Y) <=> (X = Z & Y = W))).
fof(pel51,conjecture,?[Z]: ![X]: ((?[W]: ![Y]: (f(X,Y) <=> Y = W)) <=> X = Z)).
