/**
 * The pictures of shipped bugs, as a user gets them from `kripke check … --out`: rendered from the
 * counterexample paths the checker finds (pinned, so the test needs no search), and asserted to
 * show what the bug is — the chosen values, the lost promise, the committed and aborted managers.
 */
import { describe, expect, it } from 'vitest';
import { parsePath } from '../checker/path.ts';
import { paxosSpec } from '../model/paxos/paxos.ts';
import { twoPhaseSpec } from '../model/transaction-commit/two-phase.ts';
import { renderArtifacts } from './artifacts.ts';
import { buildTrace } from './trace.ts';
import { VISUALS as V } from './visuals.ts';

/** `kripke check paxos --variant volatile-promise`: BFS's shortest counterexample to agreement. */
const PAXOS_PATH = '0/1:0/0:0/0:0/0:2/0:1/0:2/1:0/0:10/0:3/0:12/0:4/0:11/0:14/2:1/3:0/0:9';
/** `kripke check two-phase-commit --variant commit-on-majority`. */
const TWO_PHASE_PATH = '0/3:0/2:0/3:1/2:1/0:0/4:2/5:0';

describe('pictures of shipped bugs', () => {
  it('Paxos volatile-promise: the report opens with the property, both chosen values and the lost promise', async () => {
    const spec = paxosSpec({ proposers: 2, acceptors: 3, rounds: 1, crashes: 1 }, 'volatile-promise');
    const trace = buildTrace(spec, parsePath(PAXOS_PATH), { property: 'agreement' });
    // The predicate read the votes: the four `accepted` messages among the 20 in flight.
    expect(trace.why?.read).toEqual([
      ['network', 1],
      ['network', 2],
      ['network', 4],
      ['network', 6],
    ]);
    const files = await renderArtifacts(trace, { reference: 'paxos', variant: 'volatile-promise' }, 'trace.json');
    const html = files.get('report.html')!;
    const why = html.slice(html.indexOf('<section class="why">'), html.indexOf('</section>'));
    expect(why).toContain('<b>agreement</b> (always): at most one value is chosen');
    expect(why).toContain('v1 chosen in ballot 1 (a1, a2 voted)\nv2 chosen in ballot 2 (a1, a2 voted)');
    expect(why).toContain('✕ Crash a2: a2 loses promised 2→0');
    expect(why).toContain(
      `<tr class="read"><td><code>${V.readMark}   [2]</code></td><td><code>a1→p2 accepted(2, v2)</code></td></tr>`,
    );
    const chart = files.get('sequence.svg')!;
    const lanes = [...chart.matchAll(/text-anchor="middle" font-weight="bold" fill="#263238">([^<]+)</g)].map(
      (m) => m[1],
    );
    expect(lanes).toEqual(['p1', 'a1', 'a2', 'a3', 'p2']);
    expect(chart).toContain('>loses promised 2→0<');
    expect(chart).toContain('>★ v1 chosen in ballot 1 (a1, a2 voted)<');
    const dot = files.get('trace.dot')!;
    expect(dot).toContain('a2→p1 accepted(1, v1)');
    expect(dot).not.toContain('msg: {'); // messages in the model's words, never raw envelopes
  });

  it('two-phase commit: the violating state marks both the committed and the aborted manager as read', async () => {
    const trace = buildTrace(twoPhaseSpec(3, 'commit-on-majority'), parsePath(TWO_PHASE_PATH), {
      property: 'TCConsistent',
    });
    const dot = (await renderArtifacts(trace, {}, 'trace.json')).get('trace.dot')!;
    const last = dot.slice(dot.indexOf('  s7 [label='));
    const read = (rm: string, value: string, bold: boolean) =>
      `<tr><td align="left" bgcolor="${V.readFill}"><font face="Courier">${V.readMark} rmState.${rm}</font></td>` +
      `<td align="left" bgcolor="${V.readFill}"><font face="Courier">${bold ? '<b>' : ''}&quot;${value}&quot;${bold ? '</b>' : ''}</font></td></tr>`;
    expect(last).toContain(read('r1', 'committed', true));
    expect(last).toContain(read('r3', 'aborted', false));
    expect(last).toContain('✘ TCConsistent: no RM has committed while another has aborted');
  });
});
