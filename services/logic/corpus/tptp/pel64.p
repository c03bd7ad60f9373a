% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 64 (group theory: a left inverse is a right inverse)
fof(assoc,axiom,![X,Y,Z]: f(f(X,Y),Z) = f(X,f(Y,Z))).
fof(left_identity,axiom,![X]: f(a,X) = X).
fof(left_inverse,axiom,![X]: ?[Y]: f(Y,X) = a).
fof(pel64,conjecture,![X,Y]: (f(Y,X) = a => f(X,Y) = a)).
