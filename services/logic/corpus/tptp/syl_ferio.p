% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Aristotle, Prior Analytics; the valid syllogistic moods (modern reading without existential import): Ferio
fof(a1,axiom,![X]: (m(X) => ~p(X))). fof(a2,axiom,?[X]: (s(X) & m(X))). fof(c,conjecture,?[X]: (s(X) & ~p(X))).
