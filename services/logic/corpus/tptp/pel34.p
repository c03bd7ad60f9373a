% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 34 (Andrews' challenge, corrected in the 1988 errata)
fof(pel34,conjecture,(((?[X]: ![Y]: (p(X) <=> p(Y))) <=> ((?[U]: q(U)) <=> (![W]: q(W)))) <=> ((?[X1]: ![Y1]: (q(X1) <=> q(Y1))) <=> ((?[U1]: p(U1)) <=> (![W1]: p(W1)))))).
