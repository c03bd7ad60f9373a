% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: standard translation of modal logic into FOL (van Benthem 1983, Modal Logic and Classical Logic; Blackburn, de Rijke, Venema 2001, Modal Logic, ch. 2): axiom T (box p -> p) holds on reflexive frames
fof(reflexive,axiom,![W]: r(W,W)).
fof(t,conjecture,((![V]: (r(w0,V) => p(V))) => p(w0))).
