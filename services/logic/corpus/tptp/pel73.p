% Expected: SZS status ContradictoryAxioms (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 73 (first-order pigeonhole with identity, size 4, as corrected in the 1988 errata; cf. TPTP MSC007)
fof(pigeons,axiom,(pigeon(p1) & pigeon(p2) & pigeon(p3) & pigeon(p4) & pigeon(p5))).
fof(distinct_pigeons,axiom,(p1 != p2 & p1 != p3 & p1 != p4 & p1 != p5 & p2 != p3 & p2 != p4 & p2 != p5 & p3 != p4 & p3 != p5 & p4 != p5)).
fof(holes,axiom,![X]: (hole(X) <=> (X = h1 | X = h2 | X = h3 | X = h4))).
fof(every_pigeon_in_a_hole,axiom,![X]: (pigeon(X) => ?[Y]: (hole(Y) & in(X,Y)))).
fof(one_per_hole,axiom,![X,Y,Z]: ((pigeon(X) & pigeon(Y) & hole(Z) & in(X,Z) & in(Y,Z)) => X = Y)).
fof(pel73,conjecture,$false).
