% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 28 (as corrected in the 1988 errata)
fof(a1,axiom,![X]: (p(X) => ![Y]: q(Y))).
fof(a2,axiom,(![X]: (q(X) | r(X))) => ?[Y]: (q(Y) & s(Y))).
fof(a3,axiom,(?[X]: s(X)) => ![Y]: (f(Y) => g(Y))).
fof(pel28,conjecture,![X]: ((p(X) & f(X)) => g(X))).
