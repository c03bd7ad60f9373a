% Expected: SZS status Theorem (checked with E 2.6 --auto)
% Source: Pelletier (1986), Seventy-five problems for testing automatic theorem provers, JAR 2:191-216; errata JAR 4 (1988), problem 47 (Schubert's steamroller)
fof(wolf_animal,axiom,![X]: (wolf(X) => animal(X))).
fof(fox_animal,axiom,![X]: (fox(X) => animal(X))).
fof(bird_animal,axiom,![X]: (bird(X) => animal(X))).
fof(caterpillar_animal,axiom,![X]: (caterpillar(X) => animal(X))).
fof(snail_animal,axiom,![X]: (snail(X) => animal(X))).
fof(grain_plant,axiom,![X]: (grain(X) => plant(X))).
fof(some_wolf,axiom,?[X]: wolf(X)).
fof(some_fox,axiom,?[X]: fox(X)).
fof(some_bird,axiom,?[X]: bird(X)).
fof(some_caterpillar,axiom,?[X]: caterpillar(X)).
fof(some_snail,axiom,?[X]: snail(X)).
fof(some_grain,axiom,?[X]: grain(X)).
fof(eating_habits,axiom,![X]: (animal(X) => ((![Y]: (plant(Y) => eats(X,Y))) | ![Y]: ((animal(Y) & smaller(Y,X) & ?[Z]: (plant(Z) & eats(Y,Z))) => eats(X,Y))))).
fof(caterpillar_snail_smaller_bird,axiom,![X,Y]: (((caterpillar(X) | snail(X)) & bird(Y)) => smaller(X,Y))).
fof(bird_smaller_fox,axiom,![X,Y]: ((bird(X) & fox(Y)) => smaller(X,Y))).
fof(fox_smaller_wolf,axiom,![X,Y]: ((fox(X) & wolf(Y)) => smaller(X,Y))).
fof(wolf_not_eat_fox_grain,axiom,![X,Y]: ((wolf(X) & (fox(Y) | grain(Y))) => ~eats(X,Y))).
fof(bird_eats_caterpillar,axiom,![X,Y]: ((bird(X) & caterpillar(Y)) => eats(X,Y))).
fof(bird_not_eat_snail,axiom,![X,Y]: ((bird(X) & snail(Y)) => ~eats(X,Y))).
fof(caterpillar_snail_eat_plant,axiom,![X]: ((caterpillar(X) | snail(X)) => ?[Y]: (plant(Y) & eats(X,Y)))).
fof(pel47,conjecture,?[X,Y]: (animal(X) & animal(Y) & eats(X,Y) & ![Z]: (grain(Z) => eats(Y,Z)))).
