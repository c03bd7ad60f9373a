% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 71 (Urquhart's U-formula, N=3; Urquhart 1987, Hard examples for resolution)
fof(pel71,conjecture,(p1 <=> (p2 <=> (p3 <=> (p1 <=> (p2 <=> p3)))))).
