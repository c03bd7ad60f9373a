% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 57
fof(a1,axiom,f(g(a,b),g(b,c))).
fof(a2,axiom,f(g(b,c),g(a,c))).
fof(a3,axiom,![X,Y,Z]: ((f(X,Y) & f(Y,Z)) => f(X,Z))).
fof(pel57,conjecture,f(g(a,b),g(a,c))).
