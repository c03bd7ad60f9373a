% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Aristotle, Prior Analytics; the valid syllogistic moods (modern reading without existential import): Bocardo
fof(a1,axiom,?[X]: (m(X) & ~p(X))). fof(a2,axiom,![X]: (m(X) => s(X))). fof(c,conjecture,?[X]: (s(X) & ~p(X))).
