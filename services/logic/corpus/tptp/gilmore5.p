% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Gilmore (1960), example 5; as in Harrison (2009), Handbook of Practical Logic and Automated Reasoning, section 3 examples
fof(a1,axiom,![X]: ?[Y]: (f(X,Y) | f(Y,X))).
fof(a2,axiom,![X,Y]: (f(Y,X) => f(Y,Y))).
fof(gilmore5,conjecture,?[Z]: f(Z,Z)).
