% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Carroll (1896), Symbolic Logic, sorites: babies are illogical; nobody is despised who can manage a crocodile; illogical persons are despised
fof(a1,axiom,![X]: (baby(X) => ~logical(X))).
fof(a2,axiom,![X]: (manages_crocodile(X) => ~despised(X))).
fof(a3,axiom,![X]: (~logical(X) => despised(X))).
fof(c,conjecture,![X]: (baby(X) => ~manages_crocodile(X))).
