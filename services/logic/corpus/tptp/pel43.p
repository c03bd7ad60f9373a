% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 43
fof(a1,axiom,![X,Y]: (q(X,Y) <=> ![Z]: (f(Z,X) <=> f(Z,Y)))).
fof(pel43,conjecture,![X,Y]: (q(X,Y) <=> q(Y,X))).
