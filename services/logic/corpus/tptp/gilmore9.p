% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Gilmore (1960), example 9; as in Harrison (2009), Handbook of Practical Logic and Automated Reasoning, section 3 examples
fof(gilmore9,conjecture,![X]: ?[Y]: ![Z]: (((![U]: ?[V]: (f(Y,U,V) & g(Y,U) & ~h(Y,X))) => ((![U]: ?[V]: (f(X,U,V) & g(Z,U) & ~h(X,Z))) => (![U]: ?[V]: (f(X,U,V) & g(Y,U) & ~h(X,Y))))) & ((![U]: ?[V]: (f(X,U,V) & g(Y,U) & ~h(X,Y))) => (~(![U]: ?[V]: (f(X,U,V) & g(Z,U) & ~h(X,Z))) => ((![U]: ?[V]: (f(Y,U,V) & g(Y,U) & ~h(Y,X))) & (![U]: ?[V]: (f(Z,U,V) & g(Y,U) & ~h(Z,Y)))))))).
