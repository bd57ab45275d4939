/** `kripke list`: the shipped models with their configuration, variants and properties. */
import type { Command } from 'commander';
import { catalogue, loadProtocol } from '../../model/catalogue.ts';
import type { KripkeModelList } from '../../schema/types.ts';
import type { Property, PropertyKind } from '../../spec/properties.ts';
import type { Protocol } from '../../spec/protocol.ts';
import { kripkeVersion } from '../../counterexamples/version.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { jsonOutput } from '../json-output.ts';

export function registerList(program: Command, run: (code: Promise<ExitCode>) => void): void {
  program
    .command('list')
    .description('list the shipped models, their configuration, variants and properties')
    .option('--json', 'print the list as JSON')
    .action((flags: { json?: boolean }) => run(list(flags.json === true)));
}

/** What `kripke list --json` prints (schema/list-result.schema.json). */
export async function modelList(): Promise<KripkeModelList> {
  const protocols = await Promise.all(catalogue.map((entry) => loadProtocol(entry.name)));
  return { version: 1, kripkeVersion: kripkeVersion(), models: protocols.map(modelEntry) };
}

function modelEntry(p: Protocol): KripkeModelList['models'][number] {
  const spec = p.instantiate();
  return {
    name: p.name,
    summary: p.summary,
    config: Object.fromEntries(Object.entries(p.config).map(([k, c]) => [k, { default: c.default, doc: c.doc }])),
    variants: p.variants,
    properties: propertyList(spec.properties),
  };
}

async function list(json: boolean): Promise<ExitCode> {
  const listed = await modelList();
  if (json) {
    process.stdout.write(`${jsonOutput(listed)}\n`);
    return EXIT.pass;
  }
  const lines: string[] = [];
  for (const e of listed.models) {
    lines.push(`${e.name} — ${e.summary}`);
    const config = Object.entries(e.config).map(([k, c]) => `${k}=${String(c.default)}`);
    if (config.length) lines.push(`  config:     ${config.join(' ')}`);
    lines.push(`  variants:   ${Object.keys(e.variants).join(', ')}`);
    lines.push(
      `  properties: ${e.properties.map((p) => `${p.name} (${p.kind}${p.instances ? ` for each of ${p.instances.length}` : ''})`).join(', ') || '(none)'}`,
    );
    lines.push('');
  }
  process.stdout.write(lines.join('\n'));
  return EXIT.pass;
}

/** One entry per property; a family (`forAll`) once, with its instances. */
function propertyList(properties: readonly Property<unknown>[]): KripkeModelList['models'][number]['properties'] {
  const entries: { name: string; kind: PropertyKind; instances?: string[] }[] = [];
  for (const p of properties) {
    const known = entries.find((e) => e.name === p.name);
    if (known) known.instances!.push(p.instance!);
    else entries.push({ name: p.name, kind: p.kind, ...(p.instance === undefined ? {} : { instances: [p.instance] }) });
  }
  return entries;
}
