% Expected: SZS status ContradictoryAxioms (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 72 (Cook-Reckhow pigeonhole: 4 pigeons, 3 holes, propositional)
fof(every_pigeon_in_a_hole,axiom,((p11 | p12 | p13) & (p21 | p22 | p23) & (p31 | p32 | p33) & (p41 | p42 | p43))).
fof(hole1,axiom,(~(p11 & p21) & ~(p11 & p31) & ~(p11 & p41) & ~(p21 & p31) & ~(p21 & p41) & ~(p31 & p41))).
fof(hole2,axiom,(~(p12 & p22) & ~(p12 & p32) & ~(p12 & p42) & ~(p22 & p32) & ~(p22 & p42) & ~(p32 & p42))).
fof(hole3,axiom,(~(p13 & p23) & ~(p13 & p33) & ~(p13 & p43) & ~(p23 & p33) & ~(p23 & p43) & ~(p33 & p43))).
fof(pel72,conjecture,$false).
