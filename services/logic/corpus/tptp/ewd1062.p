% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Dijkstra, EWD 1062 (Galois connections make monotone maps); as in Harrison (2009), Handbook of Practical Logic and Automated Reasoning, section 3 examples
fof(refl,axiom,![X]: le(X,X)).
fof(trans,axiom,![X,Y,Z]: ((le(X,Y) & le(Y,Z)) => le(X,Z))).
fof(galois,axiom,![X,Y]: (le(f(X),Y) <=> le(X,g(Y)))).
fof(ewd1062,conjecture,((![X,Y]: (le(X,Y) => le(f(X),f(Y)))) & (![X,Y]: (le(X,Y) => le(g(X),g(Y)))))).
