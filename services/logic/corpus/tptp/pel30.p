% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 30
fof(a1,axiom,![X]: ((f(X) | g(X)) => ~h(X))).
fof(a2,axiom,![X]: ((g(X) => ~i(X)) => (f(X) & h(X)))).
fof(pel30,conjecture,![X]: i(X)).
