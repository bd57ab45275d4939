/**
 * The shapes the API accepts, as schemas: a request that does not fit is refused with the field
 * that is wrong, before any model code runs. The parsed values have the types of `api-types.ts`.
 */
import { z } from 'zod';
import { KripkeError } from '../spec/errors.ts';
import type {
  CheckRequest,
  CompareRequest,
  OpenTraceRequest,
  StateRequest,
  UntilRequest,
  WalkRequest,
} from './api-types.ts';

const PATH = z
  .string()
  .max(100_000)
  .regex(/^\d+(\/\d+(:\d+)?)*$/, 'expected an action-index path such as 0/2:1/0:0');

const KEY = z.strictObject({
  model: z.string().min(1).max(4096),
  variant: z.string().max(200).optional(),
  settings: z.record(z.string().max(200), z.string().max(200)),
});

const LINE = z.strictObject({
  path: PATH,
  loop: z.number().int().min(0).optional(),
  property: z.string().max(500).optional(),
});

const COUNT = (max: number) => z.number().int().min(1).max(max);

export const SCHEMAS = {
  state: z.strictObject({ key: KEY, path: PATH, line: LINE.optional() }),
  walk: z.strictObject({
    key: KEY,
    path: PATH,
    steps: COUNT(10_000),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .optional(),
  }),
  until: z.strictObject({
    key: KEY,
    path: PATH,
    property: z.string().max(500),
    goal: z.enum(['holds', 'fails']),
    maxStates: COUNT(2_000_000).optional(),
  }),
  openTrace: z.strictObject({ key: KEY, name: z.string().min(1).max(500), text: z.string().max(20_000_000) }),
  compare: z.strictObject({
    left: z.strictObject({ key: KEY, path: PATH }),
    right: z.union([z.strictObject({ key: KEY, path: PATH }), z.strictObject({ key: KEY, replay: z.literal(true) })]),
  }),
  check: z.strictObject({
    key: KEY,
    engine: z.enum(['bfs', 'dfs', 'random']),
    liveness: z.boolean(),
    deadlock: z.boolean(),
    runs: COUNT(100_000_000).optional(),
    depth: COUNT(100_000).optional(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .optional(),
  }),
} as const;

/** Compile-time proof that each schema's output is the API type the handlers read. */
type Fits<T, U extends T> = U;
export type Checked = [
  Fits<StateRequest, z.infer<typeof SCHEMAS.state>>,
  Fits<WalkRequest, z.infer<typeof SCHEMAS.walk>>,
  Fits<UntilRequest, z.infer<typeof SCHEMAS.until>>,
  Fits<OpenTraceRequest, z.infer<typeof SCHEMAS.openTrace>>,
  Fits<CompareRequest, z.infer<typeof SCHEMAS.compare>>,
  Fits<CheckRequest, z.infer<typeof SCHEMAS.check>>,
];

/** The body as the schema's type, or a `bad-request` error naming the first field that is wrong. */
export function parseRequest<T extends z.ZodType>(schema: T, body: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.length > 0 ? issue.path.join('.') : 'the body';
  throw new KripkeError('invalid-config', `bad ${what} request: ${field}: ${issue.message}`, { field });
}
