% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 17
fof(pel17,conjecture,(((p & (q => r)) => s) <=> ((~p | q | s) & (~p | ~r | s)))).
