/**
 * Liveness verdicts for a random spec from the brute-force oracle (`liveness/oracle.ts`), run on
 * the reference explorer's graph. Only where that graph is the spec's concrete state graph (no
 * view, symmetry or constraint), has one initial state, and each property's bad region is small
 * enough to enumerate.
 */
import { canonicalKey } from '../../spec/canonical.ts';
import { isLiveness, type LivenessProperty } from '../../spec/properties.ts';
import { type FairGroup, ORACLE_MAX_REGION, oracleFails, region, type System } from '../liveness/oracle.ts';
import type { Part } from './part.ts';
import type { Reference, Verdicts } from './reference.ts';

/** The verdict of each liveness property the oracle can decide (`lasso` when violated). */
export function oracleVerdicts<S>(part: Part<S>, ref: Reference<S>): { verdicts: Verdicts; undecided: string[] } {
  const properties = part.spec.properties.filter((p): p is LivenessProperty<S> => isLiveness(p));
  if (properties.length === 0) return { verdicts: new Map(), undecided: [] };
  if (!part.concrete || ref.initial.length !== 1 || ref.graph.length === 0)
    return { verdicts: new Map(), undecided: properties.map((p) => p.name) };
  const verdicts = new Map<string, string>();
  const undecided: string[] = [];
  for (const property of properties) {
    const sys = systemOf(part, ref, property);
    if (region(sys, property.kind).size > ORACLE_MAX_REGION) undecided.push(property.name);
    else if (oracleFails(sys, property.kind)) verdicts.set(property.name, 'lasso');
  }
  return { verdicts, undecided };
}

/**
 * The graph as the oracle's table: a parameter is numbered by its value (parameter domains may
 * depend on the state), and fairness about one parameter value names that number.
 */
function systemOf<S>(part: Part<S>, ref: Reference<S>, property: LivenessProperty<S>): System {
  const { spec } = part;
  const slots = spec.actions.map(() => new Map<string, number>());
  const slotOf = (action: number, param: unknown) => {
    const bySlot = slots[action]!;
    const k = canonicalKey(param);
    if (!bySlot.has(k)) bySlot.set(k, bySlot.size);
    return bySlot.get(k)!;
  };
  const n = ref.graph.length;
  const table: number[][][] = spec.actions.map(() => []);
  ref.graph.forEach((from, s) => {
    for (const [action, param, to] of from.steps) {
      const row = (table[action]![slotOf(action, param)] ??= new Array<number>(n).fill(-1));
      row[s] = to;
    }
  });
  const fairness = spec.fairness.map(
    (f): FairGroup => ({
      kind: f.kind,
      every: f.everyAction,
      members: f.members.map((m) => {
        if (m.where !== undefined)
          throw new Error('oracle verdicts: fairness by a predicate is not drawn by these tests');
        const action = spec.actions.findIndex((a) => a.name === m.action);
        return {
          action,
          param: 'param' in m ? (slots[action]!.get(canonicalKey(m.param)) ?? -1) : undefined,
          odd: false,
        };
      }),
    }),
  );
  const [p, q] = property.kind === 'leadsTo' ? [property.from, property.to] : [property.holds, property.holds];
  return { n, table, fairness, p: ref.graph.map((g) => p(g.state)), q: ref.graph.map((g) => q(g.state)) };
}
