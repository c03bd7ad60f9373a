% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 65 (group theory: x*x = e implies commutativity)
fof(assoc,axiom,![X,Y,Z]: f(f(X,Y),Z) = f(X,f(Y,Z))).
fof(left_identity,axiom,![X]: f(a,X) = X).
fof(pel65,conjecture,(![X]: f(X,X) = a) => ![X,Y]: f(X,Y) = f(Y,X)).
