% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Gilmore (1960), example 3; as in Harrison (2009), Handbook of Practical Logic and Automated Reasoning, section 3 examples
fof(gilmore3,conjecture,?[X]: ![Y,Z]: ((((f(Y,Z) => (g(Y) => h(X))) => f(X,X)) & ((f(Z,X) => g(X)) => h(Z)) & f(X,Y)) => f(Z,Z))).
