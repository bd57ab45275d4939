import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePath } from '../checker/path.ts';
import { renderArtifacts } from '../counterexamples/artifacts.ts';
import { buildTrace } from '../counterexamples/trace.ts';
import { openTrace } from './open-trace.ts';
import { PAXOS_BUG, PAXOS_KEY, sessionsFor } from './test-helpers.ts';

const QUINT_ITF = readFileSync(new URL('./fixtures/die-hard.quint.itf.json', import.meta.url), 'utf8');
const DIE_HARD = { model: 'die-hard', settings: {} };

async function savedPaxos(): Promise<{ json: string; itf: string }> {
  const session = await (await sessionsFor(PAXOS_KEY)).get(PAXOS_KEY);
  const trace = buildTrace(session.spec, parsePath(PAXOS_BUG), { property: 'agreement' });
  const files = await renderArtifacts(
    trace,
    { reference: 'paxos', variant: 'volatile-promise', settings: {}, kind: 'invariant' },
    'trace.json',
  );
  return { json: files.get('trace.json')!, itf: files.get('trace.itf.json')! };
}

describe('opening a saved trace', () => {
  it('opens Kripke JSON and Kripke ITF by their actions, under the model and variant they name', async () => {
    const sessions = await sessionsFor(DIE_HARD); // the explorer serves another model: the file names its own
    const { json, itf } = await savedPaxos();
    for (const [name, text, format] of [
      ['trace.json', json, 'kripke'],
      ['trace.itf.json', itf, 'itf'],
    ] as const) {
      const opened = await openTrace(sessions, { key: DIE_HARD, name, text });
      expect(opened).toEqual({
        key: PAXOS_KEY,
        line: { path: PAXOS_BUG, loop: undefined, property: 'agreement' },
        matched: 'actions',
        format,
        steps: 16,
        note: "'agreement' is still violated",
      });
    }
  });

  it("opens Quint's ITF trace of the jug puzzle state by state", async () => {
    const sessions = await sessionsFor(DIE_HARD);
    const opened = await openTrace(sessions, { key: DIE_HARD, name: 'die-hard.quint.itf.json', text: QUINT_ITF });
    expect(opened).toMatchObject({ key: DIE_HARD, matched: 'states', format: 'itf', steps: 12 });
    const session = await sessions.get(DIE_HARD);
    expect(opened.line.path.split('/')).toHaveLength(13);
    expect(session.stateAt(opened.line.path).state).toEqual({ small: 3, big: 4 });
  });

  it('refuses a file that is not a trace, or a trace of another model, naming why', async () => {
    const sessions = await sessionsFor(DIE_HARD);
    const open = (text: string) => openTrace(sessions, { key: DIE_HARD, name: 'x.json', text });
    await expect(open('{')).rejects.toThrow('x.json: not JSON');
    await expect(open('{"a": 1}')).rejects.toThrow('x.json: neither a Kripke trace');
    const other = QUINT_ITF.replace(
      '"big":{"#bigint":"0"},"small":{"#bigint":"0"}',
      '"big":{"#bigint":"1"},"small":{"#bigint":"0"}',
    );
    await expect(open(other)).rejects.toThrow(
      "x.json does not fit 'die-hard': its initial state is none of the model's 1 initial state(s)",
    );
  });
});
