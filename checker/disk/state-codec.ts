/**
 * States as bytes, for the queue on disk and checkpoints. A packed state (`spec.layout`) is its
 * words; any other state goes through V8's serializer — the structured clone that carries states
 * between threads — with its interned records listed and re-interned when read back, exactly as
 * `parallel/transport.ts` does, so `msgs.has(vote('a1', 2))` keeps its meaning.
 */
import { deserialize, serialize } from 'node:v8';
import type { Spec } from '../../spec/types.ts';
import { packStates, type Parcel, unpackStates } from '../parallel/transport.ts';

export interface StateCodec<S> {
  encode(states: S[]): Uint8Array;
  decode(bytes: Uint8Array): S[];
}

export function codecFor<S>(spec: Spec<S>): StateCodec<S> {
  return spec.layout ? (new WordsCodec(spec.layout.size) as unknown as StateCodec<S>) : new CloneCodec<S>();
}

/** Packed states: `size` 32-bit words each (their words are small integers). */
class WordsCodec implements StateCodec<readonly number[]> {
  constructor(private readonly size: number) {}

  encode(states: (readonly number[])[]): Uint8Array {
    const words = new Int32Array(states.length * this.size);
    for (let i = 0; i < states.length; i++) words.set(states[i]!, i * this.size);
    return new Uint8Array(words.buffer);
  }

  decode(bytes: Uint8Array): number[][] {
    const words = new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const states: number[][] = [];
    for (let at = 0; at < words.length; at += this.size) states.push(Array.from(words.subarray(at, at + this.size)));
    return states;
  }
}

class CloneCodec<S> implements StateCodec<S> {
  encode(states: S[]): Uint8Array {
    return serialize(packStates(states));
  }

  decode(bytes: Uint8Array): S[] {
    return unpackStates(deserialize(bytes) as Parcel<S>);
  }
}
