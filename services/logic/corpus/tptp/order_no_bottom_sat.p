% Expected: SZS status ResourceOut (checked with E 2.6 --auto --cpu-limit=10: E times out, so the status test skips it)
% Source: Satisfiability check (a strict order without least element has infinite models only; E must saturate or time out)
fof(irrefl,axiom,![X]: ~lt(X,X)).
fof(trans,axiom,![X,Y,Z]: ((lt(X,Y) & lt(Y,Z)) => lt(X,Z))).
fof(no_least,axiom,![X]: ?[Y]: lt(Y,X)).
