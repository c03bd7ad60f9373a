% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Gilmore (1960), A proof method for quantification theory, example 1; as in Harrison (2009), Handbook of Practical Logic and Automated Reasoning, section 3 examples
fof(gilmore1,conjecture,?[X]: ![Y,Z]: ((((f(Y) => g(Y)) <=> f(X)) & ((f(Y) => h(Y)) <=> g(X)) & (((f(Y) => g(Y)) => h(Y)) <=> h(X))) => (f(Z) & g(Z) & h(Z)))).
