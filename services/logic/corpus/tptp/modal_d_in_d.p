% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: standard translation of modal logic into FOL (van Benthem 1983, Modal Logic and Classical Logic; Blackburn, de Rijke, Venema 2001, Modal Logic, ch. 2): axiom D (box p -> diamond p) holds on serial frames
fof(serial,axiom,![W]: ?[V]: r(W,V)).
fof(d,conjecture,((![V]: (r(w0,V) => p(V))) => ?[V]: (r(w0,V) & p(V)))).
