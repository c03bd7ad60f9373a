% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Gilmore (1960), example 4; as in Harrison (2009), Handbook of Practical Logic and Automated Reasoning, section 3 examples
fof(gilmore4,conjecture,?[X,Y]: ![Z]: ((f(X,Y) => (f(Y,Z) & f(Z,Z))) & ((f(X,Y) & g(X,Y)) => (g(X,Z) & g(Z,Z))))).
