% Expected: SZS status Unsatisfiable (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216, problem 74 (Tseitin's graph clauses; Tseitin 1968, On the complexity of derivation in propositional calculus); the graph and node labels as in TPTP GRA001-1, which names it Pelletier 74
% A graph with five labelled edges: top-left a, top-right b, left-right c, left-bottom d, right-bottom e.
% Each node gives every clause over the labels of its edges whose number of negated literals is even
% (node labelled 1: the top node) or odd (label 0: the other three). The labels sum to 1 (mod 2), so by
% Tseitin's theorem the clause set is inconsistent: there is no conjecture, and the status is Unsatisfiable.
fof(top_1,axiom,(a | b)).
fof(top_2,axiom,(~a | ~b)).
fof(left_1,axiom,(a | c | ~d)).
fof(left_2,axiom,(a | ~c | d)).
fof(left_3,axiom,(~a | c | d)).
fof(left_4,axiom,(~a | ~c | ~d)).
fof(right_1,axiom,(b | c | ~e)).
fof(right_2,axiom,(b | ~c | e)).
fof(right_3,axiom,(~b | c | e)).
fof(right_4,axiom,(~b | ~c | ~e)).
fof(bottom_1,axiom,(d | ~e)).
fof(bottom_2,axiom,(~d | e)).
