import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // `kripke`, `kripke/spec`, `kripke/checker` imported by name resolve to the sources (package.json).
  resolve: { conditions: ['kripke-source', ...defaultClientConditions] },
  ssr: {
    resolve: { conditions: ['kripke-source', ...defaultServerConditions], externalConditions: ['kripke-source'] },
  },
  test: {
    // Type-level tests (`*.test-d.ts`) are compiled by `npm run typecheck` (tsc over the whole project,
    // before vitest in `npm test`): a failed `expectTypeOf` or a stale `@ts-expect-error` fails it there.
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', '.ci/**'], // .ci/consumer: run in a fresh project by .ci/consumer-test
    testTimeout: 60_000,
    // Vitest's default is one fewer than the cores: a single file at a time on a 2-core machine, while
    // most files wait on threads, subprocesses or Graphviz rather than compute.
    maxWorkers: 2,
    // Hooks that run the CLI as a subprocess: a shared, loaded machine can take seconds to start one.
    hookTimeout: 60_000,
  },
});
