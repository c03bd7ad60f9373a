% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 49
fof(a1,axiom,?[X,Y]: ![Z]: (Z = X | Z = Y)).
fof(a2,axiom,(p(a) & p(b))).
fof(a3,axiom,a != b).
fof(pel49,conjecture,![X]: p(X)).
