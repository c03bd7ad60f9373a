% Expected: SZS status ContradictoryAxioms (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 25
fof(a1,axiom,?[X]: p(X)).
fof(a2,axiom,![X]: (f(X) => (~g(X) & r(X)))).
fof(a3,axiom,![X]: (p(X) => (g(X) & f(X)))).
fof(a4,axiom,(![X]: (p(X) => q(X))) | ?[Y]: (p(Y) & r(Y))).
fof(pel25,conjecture,?[X]: (q(X) & p(X))).
