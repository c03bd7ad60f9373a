% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 67 (C. Morgan: implicational calculus, ~~x -> x derivable)
fof(ax1,axiom,![X,Y]: t(i(X,i(Y,X)))).
fof(ax2,axiom,![X,Y,Z]: t(i(i(X,i(Y,Z)),i(i(X,Y),i(X,Z))))).
fof(ax3,axiom,![X,Y]: t(i(i(n(X),n(Y)),i(Y,X)))).
fof(mp,axiom,![X,Y]: ((t(i(X,Y)) & t(X)) => t(Y))).
fof(pel67,conjecture,![X]: t(i(n(n(X)),X))).
