% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Gilmore (1960), example 7; as in Harrison (2009), Handbook of Practical Logic and Automated Reasoning, section 3 examples
fof(a1,axiom,![X]: (k(X) => ?[Y]: (l(Y) & (f(X,Y) => g(X,Y))))).
fof(a2,axiom,?[Z]: (k(Z) & ![U]: (l(U) => f(Z,U)))).
fof(gilmore7,conjecture,?[V,W]: (k(V) & l(W) & g(V,W))).
