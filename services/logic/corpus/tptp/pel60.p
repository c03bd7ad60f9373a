% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 60 (as corrected in the 1988 errata)
fof(pel60,conjecture,![X]: (p(X,f(X)) <=> ?[Y]: ((![Z]: (p(Z,Y) => p(Z,f(X)))) & p(X,Y)))).
