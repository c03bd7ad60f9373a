% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Relation algebra folklore: a symmetric, transitive, serial relation is reflexive
fof(sym,axiom,![X,Y]: (r(X,Y) => r(Y,X))).
fof(trans,axiom,![X,Y,Z]: ((r(X,Y) & r(Y,Z)) => r(X,Z))).
fof(serial,axiom,![X]: ?[Y]: r(X,Y)).
fof(c,conjecture,![X]: r(X,X)).
