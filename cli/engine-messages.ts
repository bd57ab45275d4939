/**
 * What crosses between the CLI's main thread and its engine thread (`engine-thread.ts`): the
 * request (a model by name, as the user gave it, and check options without functions), progress
 * reports, and the result, whose error — a class instance — travels as plain fields.
 */
import type { CheckOptions } from '../checker/options.ts';
import type { CheckpointSaved, Progress } from '../checker/observer.ts';
import type { CheckResult } from '../checker/result.ts';
import { KripkeError, type ErrorCode } from '../spec/errors.ts';
import type { Settings } from './options.ts';

export interface EngineRequest {
  readonly model: string;
  readonly settings: Settings;
  readonly variant: string | undefined;
  /** Check options that can be copied to another thread (no observer, no spec source). */
  readonly options: Omit<CheckOptions, 'observer' | 'specSource' | 'interrupt'>;
  readonly progressIntervalMs: number;
  readonly interrupt: Int32Array;
}

export interface PortableError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly where: Readonly<Record<string, string>>;
}

type ErrorResult = Extract<CheckResult, { status: 'error' }>;
export type PortableResult =
  | Exclude<CheckResult, ErrorResult>
  | (Omit<ErrorResult, 'error'> & { readonly error: PortableError });

export type FromEngine =
  | { readonly type: 'progress'; readonly progress: Progress }
  | { readonly type: 'checkpoint'; readonly saved: CheckpointSaved }
  | { readonly type: 'result'; readonly result: PortableResult }
  /** The request failed before or outside the engine: a KripkeError (`error`) or a bug (`stack`). */
  | { readonly type: 'failed'; readonly error?: PortableError; readonly stack?: string };

export function portableError(e: KripkeError): PortableError {
  return { code: e.code, message: e.message, where: { ...e.where } };
}

export function toPortable(result: CheckResult): PortableResult {
  return result.status === 'error' ? { ...result, error: portableError(result.error) } : result;
}

export function fromPortable(result: PortableResult): CheckResult {
  if (result.status !== 'error') return result;
  return { ...result, error: new KripkeError(result.error.code, result.error.message, result.error.where) };
}
