/**
 * Paxos messages. `msgs` holds them as short strings — `1a(0)`, `1b(a1, 1, 0, v1)`, `2a(1, v1)`,
 * `2b(a1, 1, v1)`, fields in Paxos.tla's order — so a set of messages compares and hashes by
 * content, survives copying, and reads well in traces. `parseMessage` gives the record back.
 */

/** A vote's ballot, or -1 for "none yet" (as in Paxos.tla). */
export type Ballot = number;
/** A value id (`v1`…), or null for Paxos.tla's None. */
export type MaybeValue = string | null;

export type Message =
  | { readonly type: '1a'; readonly bal: Ballot }
  | {
      readonly type: '1b';
      readonly acc: string;
      readonly bal: Ballot;
      readonly mbal: Ballot;
      readonly mval: MaybeValue;
    }
  | { readonly type: '2a'; readonly bal: Ballot; readonly val: string }
  | { readonly type: '2b'; readonly acc: string; readonly bal: Ballot; readonly val: string };

const NONE = 'None';

export const msg1a = (bal: Ballot) => `1a(${bal})`;
export const msg1b = (acc: string, bal: Ballot, mbal: Ballot, mval: MaybeValue) =>
  `1b(${acc}, ${bal}, ${mbal}, ${mval ?? NONE})`;
export const msg2a = (bal: Ballot, val: string) => `2a(${bal}, ${val})`;
export const msg2b = (acc: string, bal: Ballot, val: string) => `2b(${acc}, ${bal}, ${val})`;

const voteTexts = new Map<string, Map<string, string[]>>();

/** `msg2b`, memoised: invariants look votes up far more often than acceptors cast them. */
export function voteText(acc: string, bal: Ballot, val: string): string {
  let byValue = voteTexts.get(acc);
  if (byValue === undefined) voteTexts.set(acc, (byValue = new Map()));
  let byBallot = byValue.get(val);
  if (byBallot === undefined) byValue.set(val, (byBallot = []));
  return (byBallot[bal] ??= msg2b(acc, bal, val));
}

const parsed = new Map<string, Message | undefined>();

/** The record a message string stands for; undefined when the text is not a message (memoised). */
export function parseMessage(text: string): Message | undefined {
  if (parsed.has(text)) return parsed.get(text);
  const message = parse(text);
  parsed.set(text, message);
  return message;
}

function parse(text: string): Message | undefined {
  const match = /^(1a|1b|2a|2b)\((.*)\)$/.exec(text);
  if (!match) return undefined;
  const fields = match[2]!.split(', ');
  const [f0 = '', f1 = '', f2 = '', f3 = ''] = fields;
  const ballot = (f: string) => (/^-?\d+$/.test(f) ? Number(f) : NaN);
  let message: Message;
  switch (match[1]) {
    case '1a':
      message = { type: '1a', bal: ballot(f0) };
      break;
    case '1b':
      message = { type: '1b', acc: f0, bal: ballot(f1), mbal: ballot(f2), mval: f3 === NONE ? null : f3 };
      break;
    case '2a':
      message = { type: '2a', bal: ballot(f0), val: f1 };
      break;
    default:
      message = { type: '2b', acc: f0, bal: ballot(f1), val: f2 };
  }
  const arity = { '1a': 1, '1b': 4, '2a': 2, '2b': 3 }[message.type];
  return fields.length === arity && !Number.isNaN(message.bal) ? message : undefined;
}
