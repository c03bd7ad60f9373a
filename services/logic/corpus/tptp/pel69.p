% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216, problem 69 (C. Morgan: Church's implication/negation calculus CN-18, CN-35, CN-49 with modus ponens, extended to the modal logic T; prove that what is necessary is not necessarily false); statement as in TPTP LCL039-1, which names it Pelletier 69
fof(modus_ponens,axiom,![X,Y]: ((t(i(X,Y)) & t(X)) => t(Y))).
fof(cn18,axiom,![X,Y]: t(i(X,i(Y,X)))).
fof(cn35,axiom,![X,Y,Z]: t(i(i(X,i(Y,Z)),i(i(X,Y),i(X,Z))))).
fof(cn49,axiom,![X,Y]: t(i(i(n(X),n(Y)),i(Y,X)))).
fof(axiom_k,axiom,![X,Y]: t(i(nec(i(X,Y)),i(nec(X),nec(Y))))).
fof(axiom_t,axiom,![X]: t(i(nec(X),X))).
fof(necessitation,axiom,![X]: (t(X) => t(nec(X)))).
fof(pel69,conjecture,t(i(nec(a),n(nec(n(a)))))).
