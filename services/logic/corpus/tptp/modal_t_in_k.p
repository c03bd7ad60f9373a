% Expected: SZS status CounterSatisfiable (checked with E 2.6 --auto)
% Source: standard translation of modal logic into FOL (van Benthem 1983, Modal Logic and Classical Logic; Blackburn, de Rijke, Venema 2001, Modal Logic, ch. 2): axiom T (box p -> p) fails in K (no frame condition)
fof(t,conjecture,((![V]: (r(w0,V) => p(V))) => p(w0))).
