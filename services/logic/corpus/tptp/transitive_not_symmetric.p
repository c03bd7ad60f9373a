% Expected: SZS status CounterSatisfiable (checked with E 2.6 --auto)
% Source: Relation algebra folklore: transitivity does not imply symmetry
fof(trans,axiom,![X,Y,Z]: ((r(X,Y) & r(Y,Z)) => r(X,Z))).
fof(c,conjecture,![X,Y]: (r(X,Y) => r(Y,X))).
