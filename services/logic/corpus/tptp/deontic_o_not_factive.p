% Expected: SZS status CounterSatisfiable (checked with E 2.6 --auto)
% Source: standard translation of modal logic into FOL (van Benthem 1983, Modal Logic and Classical Logic; Blackburn, de Rijke, Venema 2001, Modal Logic, ch. 2); SDL: O p -> p is not valid (obligations can be violated)
fof(serial,axiom,![W]: ?[V]: ideal(W,V)).
fof(op_factive,conjecture,((![V]: (ideal(w0,V) => p(V))) => p(w0))).
