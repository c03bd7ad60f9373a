% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Davis and Putnam (1960), A computing procedure for quantification theory, example; as in Harrison (2009), Handbook of Practical Logic and Automated Reasoning, section 3 examples
fof(dp,conjecture,?[X,Y]: ![Z]: ((f(X,Y) => (f(Y,Z) & f(Z,Z))) & ((f(X,Y) & g(X,Y)) => (g(X,Z) & g(Z,Z))))).
