% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 10
fof(a1,axiom,(q => r)).
fof(a2,axiom,(r => (p & q))).
fof(a3,axiom,(p => (q | r))).
fof(pel10,conjecture,(p <=> q)).
