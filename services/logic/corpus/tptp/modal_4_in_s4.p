% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: standard translation of modal logic into FOL (van Benthem 1983, Modal Logic and Classical Logic; Blackburn, de Rijke, Venema 2001, Modal Logic, ch. 2): axiom 4 (box p -> box box p) holds on reflexive transitive frames
fof(reflexive,axiom,![W]: r(W,W)).
fof(transitive,axiom,![U,V,W]: ((r(U,V) & r(V,W)) => r(U,W))).
fof(four,conjecture,((![V]: (r(w0,V) => p(V))) => ![V]: (r(w0,V) => ![U]: (r(V,U) => p(U))))).
