% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: standard translation of modal logic into FOL (van Benthem 1983, Modal Logic and Classical Logic; Blackburn, de Rijke, Venema 2001, Modal Logic, ch. 2); standard deontic logic SDL = KD (von Wright 1951; McNamara, Deontic Logic, SEP): O p -> P p on serial ideal-world frames
fof(serial,axiom,![W]: ?[V]: ideal(W,V)).
fof(op_implies_pp,conjecture,((![V]: (ideal(w0,V) => p(V))) => ?[V]: (ideal(w0,V) & p(V)))).
