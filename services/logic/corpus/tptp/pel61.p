% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 61
fof(a1,axiom,![X,Y,Z]: f(X,f(Y,Z)) = f(f(X,Y),Z)).
fof(pel61,conjecture,![X,Y,Z,W]: f(X,f(Y,f(Z,W))) = f(f(f(X,Y),Z),W)).
