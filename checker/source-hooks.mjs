// Module hooks for running Kripke from its sources: `kripke`, `kripke/spec` and `kripke/checker`
// (a model file or test in this checkout that imports Kripke by name) resolve through the
// package's "kripke-source" export condition to the TypeScript sources, not to dist/, which a
// checkout need not have built.
export async function resolve(specifier, context, next) {
  return next(specifier, { ...context, conditions: [...context.conditions, 'kripke-source'] });
}
