% Expected: SZS status CounterSatisfiable (checked with E 2.6 --auto)
% Source: Aristotle, Prior Analytics; the valid syllogistic moods (modern reading without existential import): the fallacy of the undistributed middle (invalid)
fof(a1,axiom,![X]: (p(X) => m(X))). fof(a2,axiom,![X]: (s(X) => m(X))). fof(c,conjecture,![X]: (s(X) => p(X))).
