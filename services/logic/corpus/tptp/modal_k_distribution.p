% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: standard translation of modal logic into FOL (van Benthem 1983, Modal Logic and Classical Logic; Blackburn, de Rijke, Venema 2001, Modal Logic, ch. 2): axiom K (box(p -> q) -> (box p -> box q)) holds on every frame
fof(k,conjecture,((![V]: (r(w0,V) => (p(V) => q(V)))) => ((![V]: (r(w0,V) => p(V))) => ![V]: (r(w0,V) => q(V))))).
