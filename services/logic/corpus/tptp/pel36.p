% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 36
fof(a1,axiom,![X]: ?[Y]: f(X,Y)).
fof(a2,axiom,![X]: ?[Y]: g(X,Y)).
fof(a3,axiom,![X,Y]: ((f(X,Y) | g(X,Y)) => ![Z]: ((f(Y,Z) | g(Y,Z)) => h(X,Z)))).
fof(pel36,conjecture,![X]: ?[Y]: h(X,Y)).
