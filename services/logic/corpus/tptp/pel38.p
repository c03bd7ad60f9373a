% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 38
fof(pel38,conjecture,((![X]: ((p(a) & (p(X) => ?[Y]: (p(Y) & r(X,Y)))) => ?[Z,W]: (p(Z) & r(X,W) & r(W,Z)))) <=> (![X]: ((~p(a) | p(X) | ?[Z,W]: (p(Z) & r(X,W) & r(W,Z))) & (~p(a) | ~(?[Y]: (p(Y) & r(X,Y))) | ?[Z,W]: (p(Z) & r(X,W) & r(W,Z))))))).
