% Expected: SZS status ResourceOut (checked with E 2.6 --auto --cpu-limit=10: E times out, so the status test skips it)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 68 (C. Morgan: with the contraposition axiom x -> ~~x is NOT derivable)
fof(ax1,axiom,![X,Y]: t(i(X,i(Y,X)))).
fof(ax2,axiom,![X,Y,Z]: t(i(i(X,i(Y,Z)),i(i(X,Y),i(X,Z))))).
fof(ax3,axiom,![X,Y]: t(i(i(Y,X),i(n(X),n(Y))))).
fof(mp,axiom,![X,Y]: ((t(i(X,Y)) & t(X)) => t(Y))).
fof(pel68,conjecture,![X]: t(i(X,n(n(X))))).
