% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 26
fof(a1,axiom,((?[X]: p(X)) <=> (?[Y]: q(Y)))).
fof(a2,axiom,![X,Y]: ((p(X) & q(Y)) => (r(X) <=> s(Y)))).
fof(pel26,conjecture,((![X]: (p(X) => r(X))) <=> (![Y]: (q(Y) => s(Y))))).
