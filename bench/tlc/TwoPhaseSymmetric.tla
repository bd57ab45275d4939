---- MODULE TwoPhaseSymmetric ----
\* TwoPhase with the resource managers interchangeable: SYMMETRY Permutations(RM).
EXTENDS TwoPhase, TLC
RMSymmetry == Permutations(RM)
====
