/**
 * Random actor systems (`defineActorSpec`): n1 starts by sending values to its peers; a node that
 * receives a value it has not seen records it, may acknowledge it and may forward it on; n1 may
 * resend on a timer. The network kind, loss, duplication, crashes (stop or recover, with or
 * without durable fields), partitions and a bound on messages in flight are drawn at random.
 */
import { canonicalKey } from '../../spec/canonical.ts';
import { defineActorSpec } from '../../spec/actor/define-actors.ts';
import type { ActorId, Behaviour, SystemState } from '../../spec/actor/index.ts';
import type { Part } from './part.ts';
import { fairnessOf, type Measures, propertiesOf, type PropertyShape } from './property-shapes.ts';

interface Msg {
  readonly type: 'val' | 'ack';
  readonly v: number;
}
interface Local {
  readonly seen: readonly number[];
  readonly acks: number;
  readonly last: { readonly from: string; readonly v: number } | null;
}
export type ActorState = SystemState<Local, Msg>;

export interface ActorShape {
  readonly kind: 'actor';
  readonly nodes: number;
  /** n1 starts by sending the values 0…values-1 to its first peer, or to all of them. */
  readonly values: number;
  readonly to: 'first' | 'all';
  readonly ack: boolean;
  readonly forward: boolean;
  readonly timer: boolean;
  readonly network: 'unordered' | 'duplicating' | 'fifo';
  readonly lossy: boolean;
  readonly crash: 'none' | 'stop' | 'recover';
  readonly durable: boolean;
  readonly partitions: boolean;
  readonly duplicates: number;
  readonly maxInFlight: number | null;
  readonly properties: PropertyShape;
}

export const ACTOR_MEASURES: Measures<ActorState> = {
  seen: (s) => Object.values(s.nodes).reduce((n, l) => n + l.seen.length, 0),
  acks: (s) => s.nodes.n1?.acks ?? 0,
  inFlight: (s) => s.network.length,
  down: (s) => s.down.length,
};

export function actorPart(shape: ActorShape): Part<ActorState> {
  const ids = Array.from({ length: shape.nodes }, (_, i) => `n${i + 1}`);
  const actors: Record<ActorId, Behaviour<Local, Msg>> = Object.fromEntries(
    ids.map((id) => [id, node(shape, id, ids)]),
  );
  const build = (names: readonly string[]) =>
    defineActorSpec<Local, Msg>({
      name: 'random-actor',
      actors,
      network: { kind: shape.network, lossy: shape.lossy },
      faults: { crash: shape.crash, crashable: ids.slice(1), partitions: shape.partitions },
      bounds: {
        maxCrashes: 1,
        maxTimeouts: 1,
        maxPartitions: 1,
        maxDuplicates: shape.duplicates,
        ...(shape.maxInFlight ? { maxInFlight: shape.maxInFlight } : {}),
      },
      properties: () => propertiesOf(ACTOR_MEASURES, shape.properties, names),
      fairness: fairnessOf(shape.properties, names),
    });
  // Fairness names the compiled actions (Deliver, Drop, …), known once the system is built.
  const spec = build(build(['Deliver']).actions.map((a) => a.name));
  return { kind: 'actor', spec, key: canonicalKey, concrete: shape.maxInFlight === null };
}

function node(shape: ActorShape, self: string, ids: readonly string[]): Behaviour<Local, Msg> {
  const peers = ids.filter((id) => id !== self);
  const targets = shape.to === 'first' ? peers.slice(0, 1) : peers;
  const values = Array.from({ length: shape.values }, (_, v) => v);
  const starter = self === 'n1';
  return {
    onStart: () => ({
      state: { seen: [], acks: 0, last: null },
      ...(starter
        ? { send: targets.flatMap((to) => values.map((v) => ({ to, msg: { type: 'val' as const, v } }))) }
        : {}),
      ...(starter && shape.timer ? { setTimers: ['retry'] } : {}),
    }),
    onMessage: (s, { from, msg }) => {
      if (msg.type === 'ack') return { state: { ...s, acks: Math.min(s.acks + 1, 2) } };
      if (s.seen.includes(msg.v)) return undefined;
      const state: Local = { ...s, seen: [...s.seen, msg.v].sort(), last: { from, v: msg.v } };
      const onward = shape.forward ? peers.filter((p) => p !== from && p !== 'n1').slice(0, 1) : [];
      return {
        state,
        send: [
          ...(shape.ack ? [{ to: from, msg: { type: 'ack' as const, v: msg.v } }] : []),
          ...onward.map((to) => ({ to, msg })),
        ],
      };
    },
    onTimeout:
      starter && shape.timer
        ? (s) => ({
            state: s,
            send: targets.slice(0, 1).map((to) => ({ to, msg: { type: 'val' as const, v: 0 } })),
            setTimers: ['retry'],
          })
        : undefined,
    durable: shape.durable ? ['seen'] : [], // a node that forgets what it saw accepts it again
  };
}
