% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 62 (in the corrected form; the 1986 and 1988 versions are broken, see TPTP SYN084+1)
fof(pel62,conjecture,((![X]: ((p(a) & (p(X) => p(f(X)))) => p(f(f(X))))) <=> (![X]: ((~p(a) | p(X) | p(f(f(X)))) & (~p(a) | ~p(f(X)) | p(f(f(X)))))))).
