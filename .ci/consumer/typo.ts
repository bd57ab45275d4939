// A model file with a type error (line 4): `kripke check` type-checks it first and stops with exit 2.
import { defineSpec } from 'kripke/spec';

const limit: number = 'three';
export default defineSpec({
  name: 'typo',
  init: () => [{ x: 0 }],
  actions: { inc: { next: (s: { x: number }) => (s.x < limit ? { x: s.x + 1 } : undefined) } },
});
