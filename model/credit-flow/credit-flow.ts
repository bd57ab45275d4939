/**
 * Credit-based flow control: several senders share one receiver's bounded buffer. A sender may
 * send only while the buffer has a free slot (a credit); the receiver consumes messages in order.
 *
 * The `off-by-one` variant admits a send when the buffer is exactly full (`<=` for `<`), so the
 * buffer overflows — but only after `capacity + 1` more sends than deliveries, 17 steps deep with
 * the defaults. Breadth-first search must first visit every arrangement of up to 16 messages from
 * 3 senders (3^0 + … + 3^16 ≈ 64.6 million states) before it reaches that depth, far beyond its
 * reach on one machine; random walks, where sending is three times as likely as delivering, find
 * the overflow in the first few walks, and shrinking reduces it to the 17 sends that cause it.
 * This is the demo of `kripke simulate`: a bug out of BFS's reach.
 */
import { defineProtocol, defineSpec } from '../../spec/index.ts';

export interface CreditFlowState {
  /** Messages in the receiver's buffer, oldest first, each named by its sender. */
  readonly buffer: readonly number[];
}

export const CREDIT_FLOW_VARIANTS = {
  correct: 'a send needs a free slot: buffer length < capacity',
  'off-by-one': 'bug: a send is admitted while buffer length <= capacity',
} as const;
export type CreditFlowVariant = keyof typeof CREDIT_FLOW_VARIANTS;

export function creditFlowSpec(senders = 3, capacity = 16, variant: CreditFlowVariant = 'correct') {
  const ids = Array.from({ length: senders }, (_, i) => i + 1);
  const hasCredit =
    variant === 'off-by-one'
      ? (s: CreditFlowState) => s.buffer.length <= capacity
      : (s: CreditFlowState) => s.buffer.length < capacity;
  return defineSpec({
    name: 'credit-flow',
    init: (): CreditFlowState[] => [{ buffer: [] }],
    actions: {
      send: { params: ids, next: (s, sender) => (hasCredit(s) ? { buffer: [...s.buffer, sender] } : undefined) },
      deliver: { next: (s) => (s.buffer.length > 0 ? { buffer: s.buffer.slice(1) } : undefined) },
    },
    properties: ({ always, sometimes }) => [
      always('NoOverflow', (s) => s.buffer.length <= capacity),
      sometimes('BufferFull', (s) => s.buffer.length === capacity),
    ],
  });
}

export const creditFlow = defineProtocol({
  name: 'credit-flow',
  summary: 'Senders share a bounded receive buffer; off-by-one overflows it 17 steps deep (a simulate demo)',
  config: {
    senders: { default: 3, doc: 'number of senders', min: 1, max: 9 },
    capacity: { default: 16, doc: 'receiver buffer slots', min: 1, max: 1000 },
  },
  variants: CREDIT_FLOW_VARIANTS,
  build: (c, variant) => creditFlowSpec(c.senders, c.capacity, variant),
});
