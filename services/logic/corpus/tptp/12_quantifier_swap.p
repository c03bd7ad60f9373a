% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: shared seed corpus /work/shared/data/tptp (standard textbook examples), copied unchanged below this line
fof(c,conjecture,(?[X]: ![Y]: loves(X,Y)) => (![Y]: ?[X]: loves(X,Y))).
