% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 41
fof(a1,axiom,![Z]: ?[Y]: ![X]: (f(X,Y) <=> (f(X,Z) & ~f(X,X)))).
fof(pel41,conjecture,~?[Z]: ![X]: f(X,Z)).
