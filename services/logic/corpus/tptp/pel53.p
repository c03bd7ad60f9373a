% Expected: SZS status ResourceOut (checked with E 2.6 --auto --cpu-limit=10: E times out, also at 60 s CPU, so the status test skips it)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 53; the transcription is identical, up to the predicate name (big_f there, f here), to TPTP SYN076+1, which names it Pelletier 53 and records it as a Theorem
fof(a1,axiom,?[X,Y]: (X != Y & ![Z]: (Z = X | Z = Y))).
fof(pel53,conjecture,((?[Z]: ![X]: ((?[W]: ![Y]: (f(X,Y) <=> Y = W)) <=> X = Z)) <=> (?[W1]: ![Y1]: ((?[Z1]: ![X1]: (f(X1,Y1) <=> X1 = Z1)) <=> Y1 = W1)))).
