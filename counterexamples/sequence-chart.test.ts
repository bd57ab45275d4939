import { describe, expect, it } from 'vitest';
import { parsePath } from '../checker/path.ts';
import type { ActorEvent } from '../spec/actor/events.ts';
import { clockSpec, scriptedActorSpec } from './fixture-specs.ts';
import { golden } from './golden.ts';
import { messageLabel, stepLabel } from './actor-labels.ts';
import { renderSequenceChart } from './sequence-chart.ts';
import { buildTrace } from './trace.ts';

const SCRIPT: ActorEvent[] = [
  { kind: 'Local', node: 'client', label: 'write x=1' },
  { kind: 'Deliver', from: 'client', to: 'n1', msg: { type: 'Write', value: 1 } },
  { kind: 'Drop', from: 'n1', to: 'n2', msg: { type: 'Replicate' } },
  { kind: 'Duplicate', from: 'n1', to: 'n2', msg: { type: 'Replicate' } },
  { kind: 'Crash', node: 'n1' },
  { kind: 'Partition', groups: [['n1'], ['n2', 'client']] },
  { kind: 'Timeout', node: 'n2', timer: 'election' },
  { kind: 'Heal' },
  { kind: 'Recover', node: 'n1' },
];

function scriptedTrace(script: readonly ActorEvent[]) {
  const spec = scriptedActorSpec(script);
  const index = (kind: string) => spec.actions.findIndex((a) => a.name === kind);
  return buildTrace(spec, parsePath(['0', ...script.map((e) => `${index(e.kind)}:0`)].join('/')), {
    property: 'short',
  });
}

describe('message sequence chart', () => {
  it('matches the golden file', () => {
    const svg = renderSequenceChart(scriptedTrace(SCRIPT))!;
    expect(svg).toBe(golden('sequence-chart.svg', svg));
  });

  it('draws one lane per node in order of appearance and each event distinctly', () => {
    const svg = renderSequenceChart(scriptedTrace(SCRIPT))!;
    const lanes = [...svg.matchAll(/text-anchor="middle" font-weight="bold" fill="#263238">([^<]+)</g)].map(
      (m) => m[1],
    );
    expect(lanes).toEqual(['client', 'n1', 'n2']);
    expect(svg).toContain('marker-end="url(#head-msg)"'); // delivered
    expect(svg).toContain('dropped (to n2)'); // dropped, with a cross
    expect(svg).toContain('>×2 Replicate<'); // duplicated
    expect(svg).toContain('✕ crash');
    expect(svg).toContain('stroke-dasharray="6 4"'); // the lane while n1 is down
    expect(svg).toContain('‖ partition n1 | n2,client');
    expect(svg).toContain('◷ election');
    expect(svg).toContain('↑ recover');
    expect(svg).toContain('✘ 10'); // the violating step, numbered by the state it leads to
  });

  it('labels messages compactly by their type, keeping the full message as a tooltip', () => {
    expect(messageLabel({ type: 'accept', ballot: 2, value: 'v2' }, 40)).toBe('accept(2, "v2")');
    expect(messageLabel({ type: 'ping' }, 40)).toBe('ping');
    expect(messageLabel({ term: 3 }, 40)).toBe('{ term: 3 }');
    expect(messageLabel({ kind: 'append', entries: [1, 2, 3, 4, 5, 6] }, 12)).toBe('append([1, …');
    expect(
      stepLabel({ name: 'Deliver', param: { from: 'p1', to: 'a2', msg: { type: 'accept', b: 1 } }, label: 'x' }),
    ).toBe('Deliver p1→a2: accept(1)');
    expect(stepLabel({ name: 'Crash', param: { node: 'a2' }, label: 'x' })).toBe('Crash a2');
    expect(stepLabel({ name: 'tick', param: undefined, label: 'tick' })).toBe('tick');
    const svg = renderSequenceChart(scriptedTrace(SCRIPT))!;
    expect(svg).toContain('<g><title>{ type: &quot;Write&quot;, value: 1 }</title>');
    expect(svg).toContain('>Write(1)</text>');
  });

  it('brackets the cycle of a lasso and marks no violating step', () => {
    const svg = renderSequenceChart({ ...scriptedTrace(SCRIPT), loop: 7 })!;
    expect(svg).toMatch(/<path d="M 32 \S+ h -10 V \S+ h 10" fill="none" stroke="#6a1b9a"/);
    expect(svg).not.toContain('✘');
  });

  it('is undefined for a trace without actor events', () => {
    expect(renderSequenceChart(buildTrace(clockSpec(), parsePath('0/0:0')))).toBeUndefined();
  });
});
