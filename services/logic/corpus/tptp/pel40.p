% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 40 (as corrected in the 1988 errata)
fof(pel40,conjecture,(?[Y]: ![X]: (f(X,Y) <=> f(X,X))) => ~![X]: ?[Y]: ![Z]: (f(Z,Y) <=> ~f(Z,X))).
