% Expected: SZS status CounterSatisfiable (checked with E 2.6 --auto)
% Source: shared seed corpus /work/shared/data/tptp (standard textbook examples), copied unchanged below this line
fof(c,conjecture,(![Y]: ?[X]: loves(X,Y)) => (?[X]: ![Y]: loves(X,Y))).
