/**
 * Every bug the model library ships, drawn as `kripke check … --out` draws it: each variant's
 * counterexample path (the one BFS finds, pinned so the test needs no search) rendered into every
 * picture, each asserted to name the property and to mark the fields its predicate read.
 */
import { describe, expect, it } from 'vitest';
import { parsePath } from '../checker/path.ts';
import { protocols } from '../model/index.ts';
import { renderArtifacts } from './artifacts.ts';
import { html } from './dot.ts';
import { buildTrace } from './trace.ts';
import { VISUALS as V } from './visuals.ts';

interface Bug {
  readonly settings?: Readonly<Record<string, string>>;
  readonly property: string;
  readonly path: string;
  readonly loop?: number;
}

/** model:variant → its counterexample, as `kripke check <model> --variant <variant> [--set …]` finds it. */
const BUGS: Readonly<Record<string, Bug>> = {
  'two-phase-commit:commit-on-majority': { property: 'ImplementsTCommit', path: '0/3:0/2:0/3:1/2:1/0:0/5:0' },
  'two-phase-commit:abort-after-prepare': {
    property: 'ImplementsTCommit',
    path: '0/3:0/2:0/3:1/2:1/3:2/2:2/0:0/4:0/5:0',
  },
  'peterson:turn-to-self': { property: 'Inv', path: '0/0:0/0:1/1:0/1:1/2:0/3:0/2:1' },
  'paxos-turing:ignore-prior-votes': { property: 'Inv', path: '0/0:0/0:1/2:0/2:1/2:2/1:0/3:4/2:3/1:27' },
  // At the default size the overflow is 18 steps deep, beyond BFS: `--engine random --seed 42` finds it.
  'credit-flow:off-by-one': { property: 'NoOverflow', path: `0${'/0:0'.repeat(17)}` },
  'ewd840:no-fairness': { property: 'Liveness', path: '0', loop: 0 },
  'dining-philosophers:unfair-process': { property: 'NobodyStarves', path: '0', loop: 0 },
  'dining-philosophers:one-unfair': {
    property: 'NobodyStarves',
    path: '0/0:0/0:0/0:2/0:1/0:3/2:1/0:1/1:1/0:1/0:2/2:2/0:2/1:2/0:2',
    loop: 14,
  },
  'allocator:weak-allocation': { property: 'ClientsWillObtain', path: '0/0:0/0:3/1:3/2:1', loop: 1 },
  'paxos:volatile-promise': {
    property: 'agreement',
    path: '0/1:0/0:0/0:0/0:2/0:1/0:2/1:0/0:10/0:3/0:12/0:4/0:11/0:14/2:1/3:0/0:9',
  },
  'paxos:ignore-promised-values': {
    property: 'agreement',
    path: '0/1:0/0:0/0:0/0:2/0:1/0:2/0:5/1:0/0:10/0:2/0:12/0:5/0:12/0:15',
  },
  'raft:no-term-check': { property: 'election safety', path: '0/1:0/0:0/0:2/1:0/0:4/0:1' },
  // At the default size figure 8 cannot happen: it needs four terms and two writes.
  'raft:figure-8': {
    settings: {
      maxTerm: '4',
      elections: '4',
      writes: '2',
      reads: '0',
      crashes: '0',
      candidates: '2',
      maxInFlight: '5',
    },
    property: 'leader completeness',
    path: '0/1:0/0:0/0:2/1:0/0:3/0:2/2:0/0:0/1:0/0:1/0:2/0:2/0:4/2:3/0:1/1:0/0:2/0:0',
  },
  'raft:stale-append-truncates': { property: 'state machine safety', path: '0/1:0/0:0/0:2/4:0/0:1/0:6/4:1/0:2/0:0' },
  'round-robin:stale-health-view': { property: 'never routes to a server known down', path: '0/2:1/0:2/0:0' },
  'least-connections:fail-fast-skew': {
    property: 'no request is lost',
    path: '0/0:0/1:0/2:0/0:2/0:2/0:2/0:2/0:0/0:2/0:2/0:2/0:2',
  },
  'least-connections:counter-leak': { property: 'connection counters are exact', path: '0/0:0/2:0/0:1/0:1' },
  'consistent-hashing:rebuilt-ring': {
    property: "a membership change moves only the changed server's keys",
    path: '0/2:0/0:2',
  },
  'kube-scheduler:assume-expiry': {
    property: 'no node is over-committed',
    path: '0/0:0/0:0/0:0/0:0/2:3/0:0/0:0/1:0/2:0/0:1',
  },
  'kube-scheduler:no-forget-on-bind-failure': {
    property: 'the cache holds each pod once',
    path: '0/0:0/0:0/0:0/0:0/2:3/2:4/0:0/0:0/2:3',
  },
  'kube-scheduler:priority-inversion': {
    property: 'preemption evicts only strictly lower priorities',
    path: '0/0:0/0:0/0:0/0:0/2:3/0:0/0:0/0:0/2:0/2:1/2:2',
  },
  'omega:no-version-check': { property: 'no node is over-committed', path: '0/0:0/0:0/0:1/0:0/0:1/0:1' },
  'autoscaler:no-drain': { property: 'a drained node runs nothing when removed', path: '0/0:2/2:0/6:0/6:0/3:0' },
  'autoscaler:flapping-thresholds': {
    property: 'the autoscaler converges',
    path: '0/0:0/2:0/0:1/2:0/0:2/6:0/6:0/3:2/4:2/5:2',
    loop: 3,
  },
  'autoscaler:window-reset': { property: 'no scale-down inside the stabilisation window', path: '0/0:0/2:0/7:0/3:1' },
};

/** Variants other than the default that are not bugs: they pass. */
const NOT_BUGS = ['ewd840:wf-next'];

/** SVG text as a person reads it (Graphviz writes `'` and `-` as character references). */
const svgText = (svg: string) =>
  svg
    .replace(/&#39;/g, "'")
    .replace(/&#45;/g, '-')
    .replace(/&quot;/g, '"')
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/&amp;/g, '&');

/** The trace-graph rows that may mark a read field: the field; in an actor model its node, or a message in flight or just sent. */
function readRows(path: readonly (string | number)[], actors: boolean): string[] {
  if (!actors) return [String(path[0])];
  return path[0] === 'nodes' ? [String(path[1])] : [`  [${String(path[1])}]`, '+ sent'];
}

const shipped = protocols.flatMap((p) =>
  Object.keys(p.variants)
    .filter((v) => v !== p.defaultVariant)
    .map((v) => `${p.name}:${v}`),
);

describe('the pictures of every shipped bug', () => {
  it('pins a counterexample for every bug variant the library ships', () => {
    expect(Object.keys(BUGS).sort()).toEqual(shipped.filter((b) => !NOT_BUGS.includes(b)).sort());
  });

  it.each(Object.entries(BUGS))('%s: every picture names the property and marks what it read', async (key, bug) => {
    const [model, variant] = key.split(':') as [string, string];
    const spec = protocols.find((p) => p.name === model)!.instantiate(bug.settings ?? {}, variant);
    const trace = buildTrace(spec, parsePath(bug.path), {
      property: bug.property,
      ...(bug.loop !== undefined ? { loop: bug.loop } : {}),
    });
    const files = await renderArtifacts(trace, { reference: model, variant }, 'trace.json', spec);
    const dot = files.get('trace.dot')!;
    const named = `'${bug.property}' is violated`;
    expect(dot).toContain(html(named));
    expect(dot).toContain(bug.loop === undefined ? `✘ ${html(bug.property)}` : '↺');
    expect(svgText(files.get('states.svg')!)).toContain(named);
    expect(files.get('report.html')).toContain(`<b>${html(bug.property)}</b>`);
    const actors = files.get('sequence.svg');
    if (actors !== undefined) expect(svgText(actors)).toContain(named);
    const read = [...(trace.why?.read ?? []), ...(trace.why?.readBefore ?? [])]; // a step property reads the state before, too
    // A refinement is not a predicate of one state: it names no field (the trace shows the abstract step it lacks).
    if (trace.why?.kind !== 'refines') expect(read.length, 'the predicate read some field').toBeGreaterThan(0);
    const cell = `bgcolor="${V.readFill}"><font face="Courier">`;
    const marked = (row: string) =>
      dot.includes(`${cell}${V.readMark} ${row}`) || dot.includes(`${cell}<b>${V.readMark} ${row}`); // bold: changed too
    for (const rows of new Set(read.map((path) => readRows(path, actors !== undefined)))) {
      expect(rows.some(marked), `${rows.join(' or ')} marked as read`).toBe(true);
    }
  });
});
