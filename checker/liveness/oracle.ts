/**
 * A brute-force liveness oracle for tests, sharing no code or refinement logic with the engine.
 *
 * It uses the textbook characterisation directly: a property fails iff some set S of states in
 * its bad region, strongly connected by edges inside S (a single state counts: it can stutter),
 * admits a fair infinite behaviour visiting exactly S and taking every edge inside S —
 * weak(A): A taken inside S or disabled somewhere in S; strong(A): taken inside S or disabled
 * everywhere in S. Each A is a group: the disjunction of some (action, parameter) instances, whole
 * actions, instances with an odd parameter, or every action (`allActions`). An action constraint
 * rejects some steps: they are not edges (no behaviour takes them) but still make their action
 * enabled (TLC's ENABLED ignores the constraint). It tries every subset S of the region, so it
 * only suits tiny systems.
 */

/** One member of a fairness group: an action, one instance of it (`param`), or its odd-parameter instances. */
export interface Member {
  readonly action: number;
  readonly param: number | undefined;
  readonly odd: boolean;
}

/** A fairness assumption over a group: its members, or every action. */
export interface FairGroup {
  readonly kind: 'weak' | 'strong';
  readonly members: readonly Member[];
  readonly every: boolean;
}

/** An explicit system: states 0…n-1, state 0 initial. */
export interface System {
  readonly n: number;
  /** table[action][param][state]: the successor, or -1 when not enabled. */
  readonly table: number[][][];
  /** excluded[action][param][state]: the action constraint rejects that step (absent: none is rejected). */
  readonly excluded?: boolean[][][];
  readonly fairness: readonly FairGroup[];
  readonly p: boolean[];
  readonly q: boolean[];
}

export const LIVENESS_KINDS = ['eventually', 'alwaysEventually', 'eventuallyAlways', 'leadsTo'] as const;
export type LivenessKind = (typeof LIVENESS_KINDS)[number];

/** The largest bad region the oracle enumerates the subsets of (2^16 subsets). */
export const ORACLE_MAX_REGION = 16;

/** Real steps (stutters excluded) out of `s`: [action, param, target]; with `allowed`, only those the action constraint allows. */
export const steps = (sys: System, s: number, allowed = true) =>
  sys.table.flatMap((byParam, a) =>
    byParam.flatMap((row, p) =>
      row[s]! >= 0 && row[s] !== s && (!allowed || sys.excluded?.[a]?.[p]?.[s] !== true)
        ? [[a, p, row[s]!] as const]
        : [],
    ),
  );

const matches = (f: FairGroup, a: number, p: number) =>
  f.every ||
  f.members.some((m) => m.action === a && (m.param === undefined || m.param === p) && (!m.odd || p % 2 === 1));

/** Whether a behaviour visiting exactly `states` forever and taking exactly `taken` steps is fair (enabled: excluded steps too). */
export function fair(sys: System, states: readonly number[], taken: readonly (readonly [number, number])[]): boolean {
  return sys.fairness.every((f) => {
    if (taken.some(([a, p]) => matches(f, a, p))) return true;
    const enabled = (s: number) => steps(sys, s, false).some(([a, p]) => matches(f, a, p));
    return f.kind === 'weak' ? states.some((s) => !enabled(s)) : states.every((s) => !enabled(s));
  });
}

/** States reachable in phase 1 (the bad region) for a property kind. */
export function region(sys: System, kind: LivenessKind): Set<number> {
  const bad = (s: number) => (kind === 'leadsTo' ? !sys.q[s] : kind === 'eventuallyAlways' ? true : !sys.p[s]);
  const entry = (s: number) => bad(s) && (kind === 'leadsTo' ? sys.p[s]! : true);
  const reach = (from: number[], ok: (s: number) => boolean) => {
    const seen = new Set(from.filter(ok));
    for (const s of seen) for (const [, , t] of steps(sys, s)) if (ok(t)) seen.add(t);
    return seen;
  };
  const starts = kind === 'eventually' ? [0] : [...reach([0], () => true)];
  return reach(starts.filter(entry), bad);
}

/** Whether some fair behaviour violates the property (throws past `ORACLE_MAX_REGION`). */
export function oracleFails(sys: System, kind: LivenessKind): boolean {
  const r = [...region(sys, kind)];
  if (r.length > ORACLE_MAX_REGION)
    throw new Error(`liveness oracle: a region of ${r.length} states is too large to enumerate`);
  for (let mask = 1; mask < 1 << r.length; mask++) {
    const S = r.filter((_, i) => mask & (1 << i));
    const inside = (t: number) => S.includes(t);
    const edges = S.flatMap((s) =>
      steps(sys, s)
        .filter(([, , t]) => inside(t))
        .map(([a, p, t]) => ({ s, a, p, t })),
    );
    const reaches = (from: number, forward: boolean) => {
      const seen = new Set([from]);
      for (const x of seen) for (const e of edges) if ((forward ? e.s : e.t) === x) seen.add(forward ? e.t : e.s);
      return seen.size === S.length;
    };
    if (!reaches(S[0]!, true) || !reaches(S[0]!, false)) continue;
    if (kind === 'eventuallyAlways' && S.every((s) => sys.p[s])) continue;
    if (
      fair(
        sys,
        S,
        edges.map((e) => [e.a, e.p] as const),
      )
    )
      return true;
  }
  return false;
}
