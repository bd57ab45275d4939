/** Which variants of a model to run: a list, `all`, or `default` (for a plain spec file: the one spec). */
import { unknownName } from '../../spec/errors.ts';
import { loadModel } from '../load-model.ts';

/** Variant names (undefined: a model file exporting a plain spec, which has none). */
export async function chooseVariants(
  model: string,
  chosen: readonly string[] | 'all' | 'default',
): Promise<(string | undefined)[]> {
  const loaded = await loadModel(model, { settings: {}, variant: undefined });
  const available = loaded.protocol ? Object.keys(loaded.protocol.variants) : [];
  if (chosen === 'default') return [loaded.variant];
  if (chosen === 'all') return available.length > 0 ? available : [undefined];
  for (const v of chosen) if (!available.includes(v)) throw unknownName('variant', v, available, { model });
  return [...chosen];
}
