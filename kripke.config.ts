/**
 * Kripke's own checks (`npx kripke ci`): every shipped model's default and bug variants, with the
 * outcome each must have and its state space's exact size — TLC's figures where the model is
 * ported from the TLA+ Examples. Bug variants whose full state space is large run in a smaller
 * configuration that still has the bug. `npx kripke ci --update` rewrites the snapshots after an intended change.
 */
import { defineChecks } from 'kripke';

export default defineChecks({
  timeLimit: '10m',
  checks: [
    // The jug puzzle: NotSolved fails on purpose, its counterexample is the solution.
    {
      model: 'die-hard',
      expect: { verdict: 'violation', fails: 'NotSolved', snapshot: { distinct: 16, generated: 97, depth: 8 } },
    },
    { model: 'transaction-commit', expect: { verdict: 'pass', snapshot: { distinct: 34, generated: 94, depth: 7 } } },
    {
      model: 'two-phase-commit',
      expect: { verdict: 'pass', snapshot: { distinct: 288, generated: 1_146, depth: 11 } },
    },
    {
      model: 'two-phase-commit',
      settings: { rms: 7 },
      expect: { verdict: 'pass', snapshot: { distinct: 296_448, generated: 2_744_706, depth: 23 } },
    },
    {
      model: 'two-phase-commit',
      settings: { rms: 7, symmetric: true },
      expect: { verdict: 'pass', snapshot: { distinct: 920, generated: 8_410, depth: 23 } },
    },
    {
      model: 'two-phase-commit',
      variant: 'commit-on-majority',
      expect: {
        verdict: 'violation',
        fails: ['TCConsistent', 'ImplementsTCommit'],
        snapshot: { distinct: 348, generated: 1_359, depth: 11 },
      },
    },
    {
      model: 'two-phase-commit',
      variant: 'abort-after-prepare',
      expect: {
        verdict: 'violation',
        fails: ['TCConsistent', 'ImplementsTCommit'],
        snapshot: { distinct: 459, generated: 2_277, depth: 11 },
      },
    },
    { model: 'peterson', expect: { verdict: 'pass', snapshot: { distinct: 42, generated: 77, depth: 11 } } },
    {
      model: 'peterson',
      variant: 'turn-to-self',
      expect: {
        verdict: 'violation',
        fails: ['Inv', 'MutualExclusion'],
        snapshot: { distinct: 72, generated: 137, depth: 14 },
      },
    },
    { model: 'paxos-turing', expect: { verdict: 'pass', snapshot: { distinct: 3_921, generated: 23_563, depth: 17 } } },
    {
      model: 'paxos-turing',
      variant: 'ignore-prior-votes',
      expect: {
        verdict: 'violation',
        fails: ['Inv', 'ImplementsVoting', 'Agreement'],
        snapshot: { distinct: 5_329, generated: 32_019, depth: 17 },
      },
    },
    { model: 'voting', expect: { verdict: 'pass', snapshot: { distinct: 6_752, generated: 41_017, depth: 16 } } },
    {
      model: 'paxos-commit',
      expect: { verdict: 'pass', snapshot: { distinct: 1_321_761, generated: 16_959_159, depth: 28 } },
    },
    {
      model: 'lamport-mutex',
      expect: { verdict: 'pass', snapshot: { distinct: 724_274, generated: 2_729_079, depth: 61 } },
    },
    {
      model: 'boulanger',
      expect: { verdict: 'pass', snapshot: { distinct: 7_866_982, generated: 63_482_135, depth: 84 } },
    },
    // Too many states for an exhaustive search: random walks with a fixed seed.
    {
      model: 'credit-flow',
      engine: { random: { seed: 1, runs: 2000 } },
      expect: { verdict: 'pass', snapshot: { distinct: 171_480, generated: 201_008, depth: 101 } },
    },
    {
      model: 'credit-flow',
      variant: 'off-by-one',
      engine: { random: { seed: 1, runs: 10000 } },
      expect: { verdict: 'violation', fails: 'NoOverflow', snapshot: { distinct: 22, generated: 24, depth: 24 } },
    },
    { model: 'ewd840', expect: { verdict: 'pass', snapshot: { distinct: 302, generated: 2_001, depth: 9 } } },
    {
      model: 'ewd840',
      variant: 'wf-next',
      expect: { verdict: 'pass', snapshot: { distinct: 302, generated: 2_001, depth: 9 } },
    },
    {
      model: 'ewd840',
      variant: 'no-fairness',
      expect: { verdict: 'violation', fails: 'Liveness', snapshot: { distinct: 302, generated: 2_001, depth: 9 } },
    },
    {
      model: 'dining-philosophers',
      expect: { verdict: 'pass', snapshot: { distinct: 67, generated: 336, depth: 29 } },
    },
    {
      model: 'dining-philosophers',
      variant: 'unfair-process',
      expect: { verdict: 'violation', fails: 'NobodyStarves', snapshot: { distinct: 67, generated: 336, depth: 29 } },
    },
    {
      model: 'dining-philosophers',
      variant: 'one-unfair',
      expect: { verdict: 'violation', fails: 'NobodyStarves', snapshot: { distinct: 67, generated: 336, depth: 29 } },
    },
    { model: 'allocator', expect: { verdict: 'pass', snapshot: { distinct: 400, generated: 1_633, depth: 6 } } },
    {
      model: 'allocator',
      variant: 'weak-allocation',
      expect: {
        verdict: 'violation',
        fails: ['ClientsWillObtain', 'InfOftenSatisfied'],
        snapshot: { distinct: 400, generated: 1_633, depth: 6 },
      },
    },
    {
      model: 'replicated-log',
      expect: {
        verdict: 'violation',
        fails: ['InSync(n1,n2)', 'InSync(n1,n3)', 'InSync(n2,n3)'],
        snapshot: { distinct: 37, generated: 271, depth: 4 },
      },
    },
    { model: 'paxos', expect: { verdict: 'pass', snapshot: { distinct: 14_525, generated: 215_817, depth: 21 } } },
    {
      model: 'paxos',
      variant: 'volatile-promise',
      expect: {
        verdict: 'violation',
        fails: 'agreement',
        snapshot: { distinct: 56_789, generated: 1_009_653, depth: 24 },
      },
    },
    {
      model: 'paxos',
      variant: 'ignore-promised-values',
      expect: {
        verdict: 'violation',
        fails: 'agreement',
        snapshot: { distinct: 14_045, generated: 206_913, depth: 21 },
      },
    },
    { model: 'raft', expect: { verdict: 'pass', snapshot: { distinct: 178_451, generated: 1_246_102, depth: 21 } } },
    {
      model: 'raft',
      variant: 'no-term-check',
      settings: { crashes: 0, reads: 0 },
      expect: {
        verdict: 'violation',
        fails: ['election safety', 'leader completeness'],
        snapshot: { distinct: 9_928, generated: 86_512, depth: 18 },
      },
    },
    {
      model: 'raft',
      variant: 'stale-append-truncates',
      settings: { reads: 0 },
      expect: {
        verdict: 'violation',
        fails: ['leader completeness', 'state machine safety'],
        snapshot: { distinct: 16_385, generated: 96_646, depth: 17 },
      },
    },
    // Figure 8 of the Raft paper needs four elections and two writes; only n1 and n2 campaign.
    {
      name: "raft figure-8 (the paper's scenario)",
      model: 'raft',
      variant: 'figure-8',
      settings: { maxTerm: 4, elections: 4, writes: 2, reads: 0, crashes: 0, candidates: 2 },
      properties: ['leader completeness'],
      expect: {
        verdict: 'violation',
        fails: 'leader completeness',
        snapshot: { distinct: 321_779, generated: 2_396_787, depth: 26 },
      },
    },
    // Load balancing and elastic scheduling (model/load-balancing/, model/scheduling/).
    { model: 'round-robin', expect: { verdict: 'pass', snapshot: { distinct: 13_134, generated: 44_410, depth: 18 } } },
    {
      model: 'round-robin',
      variant: 'stale-health-view',
      expect: {
        verdict: 'violation',
        fails: ['never routes to a server known down', 'every request is eventually served'],
        snapshot: { distinct: 32_511, generated: 119_813, depth: 20 },
      },
    },
    {
      model: 'least-connections',
      expect: { verdict: 'pass', snapshot: { distinct: 13_258, generated: 45_768, depth: 17 } },
    },
    {
      model: 'least-connections',
      variant: 'fail-fast-skew',
      expect: {
        verdict: 'violation',
        fails: ['no request is lost', 'every request is eventually served'],
        snapshot: { distinct: 27_740, generated: 98_024, depth: 23 },
      },
    },
    {
      model: 'least-connections',
      variant: 'counter-leak',
      expect: {
        verdict: 'violation',
        fails: 'connection counters are exact',
        snapshot: { distinct: 14_446, generated: 49_354, depth: 19 },
      },
    },
    {
      model: 'consistent-hashing',
      expect: { verdict: 'pass', snapshot: { distinct: 18_476, generated: 64_448, depth: 17 } },
    },
    {
      model: 'consistent-hashing',
      variant: 'rebuilt-ring',
      expect: {
        verdict: 'violation',
        fails: ["a membership change moves only the changed server's keys", 'ring agrees with the reference ring'],
        snapshot: { distinct: 18_476, generated: 64_448, depth: 17 },
      },
    },
    {
      model: 'kube-scheduler',
      expect: { verdict: 'pass', snapshot: { distinct: 1_114, generated: 2_226, depth: 29 } },
    },
    {
      model: 'kube-scheduler',
      variant: 'assume-expiry',
      expect: {
        verdict: 'violation',
        fails: 'no node is over-committed',
        snapshot: { distinct: 9_498, generated: 17_650, depth: 35 },
      },
    },
    {
      model: 'kube-scheduler',
      variant: 'no-forget-on-bind-failure',
      expect: {
        verdict: 'violation',
        fails: ['the cache holds each pod once', 'a pending pod that fits is eventually scheduled'],
        snapshot: { distinct: 1_069, generated: 2_070, depth: 33 },
      },
    },
    {
      model: 'kube-scheduler',
      variant: 'priority-inversion',
      expect: {
        verdict: 'violation',
        fails: 'preemption evicts only strictly lower priorities',
        snapshot: { distinct: 2_469, generated: 4_633, depth: 48 },
      },
    },
    { model: 'omega', expect: { verdict: 'pass', snapshot: { distinct: 225, generated: 383, depth: 16 } } },
    {
      model: 'omega',
      variant: 'no-version-check',
      expect: {
        verdict: 'violation',
        fails: ['no node is over-committed', 'a commit conflicts'],
        snapshot: { distinct: 297, generated: 481, depth: 17 },
      },
    },
    { model: 'autoscaler', expect: { verdict: 'pass', snapshot: { distinct: 1_814, generated: 5_985, depth: 21 } } },
    {
      model: 'autoscaler',
      variant: 'no-drain',
      expect: {
        verdict: 'violation',
        fails: ['a drained node runs nothing when removed', 'no task is lost'],
        snapshot: { distinct: 737, generated: 1_855, depth: 17 },
      },
    },
    {
      model: 'autoscaler',
      variant: 'flapping-thresholds',
      expect: {
        verdict: 'violation',
        fails: 'the autoscaler converges',
        snapshot: { distinct: 1_814, generated: 6_015, depth: 21 },
      },
    },
    {
      model: 'autoscaler',
      variant: 'window-reset',
      expect: {
        verdict: 'violation',
        fails: 'no scale-down inside the stabilisation window',
        snapshot: { distinct: 3_588, generated: 14_243, depth: 19 },
      },
    },
  ],
});
