/**
 * State identity: 64-bit fingerprints that are a pure function of a value (`hasher.ts`), built
 * from the primitives in `mix.ts`, with memos owned by each hasher (strings, record keys, the
 * expanded state's tree, large collections' sums) and `describeInvalidValue` to say why a value
 * is not a state value.
 */
export { fingerprintOf, Hasher, MAX_DEPTH, NOT_A_VALUE } from './hasher.ts';
export { toBigint } from './mix.ts';
export { describeInvalidValue } from './validate.ts';
