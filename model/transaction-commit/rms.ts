/**
 * What TCommit and TwoPhase share: resource-manager ids (`r1..rN`), their states, and TCommit's
 * invariants over a record of RM states.
 */

export type RmState = 'working' | 'prepared' | 'committed' | 'aborted';
export type RmStates = Readonly<Record<string, RmState>>;

/** RMState, in the order TwoPhase's layout numbers them. */
export const RM_STATES: readonly RmState[] = ['working', 'prepared', 'committed', 'aborted'];
const RM_STATE_SET: ReadonlySet<string> = new Set(RM_STATES);

/** `r1..rN`, the constant RM. */
export function rmIds(count: number): readonly string[] {
  return Array.from({ length: count }, (_, i) => `r${i + 1}`);
}

/** Every RM in the same state, as in TCInit and TPInit. */
export function allRms(rms: readonly string[], state: RmState): RmStates {
  return Object.fromEntries(rms.map((rm) => [rm, state]));
}

/** TCTypeOK: exactly the RMs, each in one of the four states. */
export function rmStatesTyped(rmState: RmStates, rms: readonly string[]): boolean {
  // A loop, not every: this runs on every state.
  if (Object.keys(rmState).length !== rms.length) return false;
  for (const rm of rms) if (!RM_STATE_SET.has(rmState[rm] as string)) return false;
  return true;
}

/** TCConsistent: no RM has committed while another has aborted. */
export function consistent(rmState: RmStates, rms: readonly string[]): boolean {
  let committed = false;
  let aborted = false;
  for (const rm of rms) {
    const state = rmState[rm];
    if (state === 'committed') committed = true;
    else if (state === 'aborted') aborted = true;
  }
  return !(committed && aborted);
}

/** Every RM has decided (committed or aborted): the end states of TCommit and TwoPhase. */
export function allDecided(rmState: RmStates, rms: readonly string[]): boolean {
  return rms.every((rm) => rmState[rm] === 'committed' || rmState[rm] === 'aborted');
}
