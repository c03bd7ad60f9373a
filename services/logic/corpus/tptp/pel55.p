% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 55 (Who killed Aunt Agatha?)
fof(someone_killed_agatha,axiom,?[X]: (lives(X) & killed(X,agatha))).
fof(agatha_lives,axiom,lives(agatha)).
fof(butler_lives,axiom,lives(butler)).
fof(charles_lives,axiom,lives(charles)).
fof(only_three,axiom,![X]: (lives(X) => (X = agatha | X = butler | X = charles))).
fof(killer_hates,axiom,![X,Y]: (killed(X,Y) => hates(X,Y))).
fof(killer_not_richer,axiom,![X,Y]: (killed(X,Y) => ~richer(X,Y))).
fof(charles_hates_none_agatha_hates,axiom,![X]: (hates(agatha,X) => ~hates(charles,X))).
fof(agatha_hates_all_but_butler,axiom,![X]: (X != butler => hates(agatha,X))).
fof(butler_hates_poorer,axiom,![X]: (~richer(X,agatha) => hates(butler,X))).
fof(butler_hates_agathas,axiom,![X]: (hates(agatha,X) => hates(butler,X))).
fof(no_one_hates_all,axiom,![X]: ?[Y]: ~hates(X,Y)).
fof(agatha_not_butler,axiom,agatha != butler).
fof(pel55,conjecture,killed(agatha,agatha)).
