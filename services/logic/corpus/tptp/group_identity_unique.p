% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Group theory folklore (e.g. Herstein, Topics in Algebra, lemma 2.3.1): a two-sided identity is unique
fof(e_left,axiom,![X]: m(e,X) = X).
fof(e_right,axiom,![X]: m(X,e) = X).
fof(d_left,axiom,![X]: m(d,X) = X).
fof(d_right,axiom,![X]: m(X,d) = X).
fof(c,conjecture,e = d).
