% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: shared seed corpus /work/shared/data/tptp (standard textbook examples), copied unchanged below this line
fof(a1,axiom,a = b). fof(a2,axiom,p(a)). fof(c,conjecture,p(b)).
