/** `kripke list`: the shipped models with their configuration, variants and properties. */
import type { Command } from 'commander';
import { protocols } from '../../model/index.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { jsonOutput } from '../json-output.ts';

export function registerList(program: Command, run: (code: Promise<ExitCode>) => void): void {
  program
    .command('list')
    .description('list the shipped models, their configuration, variants and properties')
    .option('--json', 'print the list as JSON')
    .action((flags: { json?: boolean }) => run(Promise.resolve(list(flags.json === true))));
}

function list(json: boolean): ExitCode {
  const entries = protocols.map((p) => {
    const spec = p.instantiate();
    return {
      name: p.name,
      summary: p.summary,
      config: Object.fromEntries(Object.entries(p.config).map(([k, c]) => [k, { default: c.default, doc: c.doc }])),
      variants: p.variants,
      properties: spec.properties.map((prop) => ({ name: prop.name, kind: prop.kind })),
    };
  });
  if (json) {
    process.stdout.write(`${jsonOutput({ models: entries })}\n`);
    return EXIT.pass;
  }
  const lines: string[] = [];
  for (const e of entries) {
    lines.push(`${e.name} — ${e.summary}`);
    const config = Object.entries(e.config).map(([k, c]) => `${k}=${String(c.default)}`);
    if (config.length) lines.push(`  config:     ${config.join(' ')}`);
    lines.push(`  variants:   ${Object.keys(e.variants).join(', ')}`);
    lines.push(`  properties: ${e.properties.map((p) => `${p.name} (${p.kind})`).join(', ') || '(none)'}`);
    lines.push('');
  }
  process.stdout.write(lines.join('\n'));
  return EXIT.pass;
}
