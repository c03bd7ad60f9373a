% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 54 (Montague's paradox of grounded classes)
fof(a1,axiom,![Y]: ?[Z]: ![X]: (f(X,Z) <=> X = Y)).
fof(pel54,conjecture,~?[W]: ![X]: (f(X,W) <=> ![U]: (f(X,U) => ?[Y]: (f(Y,U) & ~?[Z]: (f(Z,U) & f(Z,Y)))))).
