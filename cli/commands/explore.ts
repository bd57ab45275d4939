/**
 * `kripke explore <model> [--set k=v] [--variant v] [--port n] [--open]`: serves the interactive
 * explorer on 127.0.0.1 and prints its URL; runs until interrupted (Ctrl-C).
 */
import { spawn } from 'node:child_process';
import type { Command } from 'commander';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { loadModel } from '../load-model.ts';
import { collectSetting, type Settings } from '../options.ts';
import { InvalidArgumentError } from 'commander';

interface ExploreFlags {
  set: Settings;
  variant?: string;
  port?: number;
  open?: boolean;
}

export function registerExplore(program: Command, run: (code: Promise<ExitCode>) => void): void {
  program
    .command('explore')
    .description('step through a model in the browser: states, actions, properties, pictures, checks')
    .argument('<model>', 'a shipped model (see `kripke list`) or a model file (path/to/model.ts)')
    .option('--set <key=value>', 'set a configuration value (repeatable)', collectSetting, {})
    .option('--variant <name>', 'explore a variant of the protocol (see `kripke list`)')
    .option('--port <n>', 'listen on this port (default: a free one)', portNumber)
    .option('--open', 'open the page in the default browser')
    .action((name: string, flags: ExploreFlags) => run(runExplore(name, flags)));
}

async function runExplore(name: string, flags: ExploreFlags): Promise<ExitCode> {
  const model = await loadModel(name, { settings: flags.set, variant: flags.variant });
  const key = { model: name, ...(flags.variant ? { variant: flags.variant } : {}), settings: flags.set };
  // Loaded here, not at the top: the server, esbuild and the schemas are not every command's cost.
  const { startExplorer } = await import('../../explorer/index.ts');
  const explorer = await startExplorer({ key, model, port: flags.port ?? 0 });
  const url = `${explorer.url}?${linkQuery(key)}`;
  process.stdout.write(
    `Kripke explorer for ${model.spec.name}: ${url}\n(listening on 127.0.0.1 only; Ctrl-C stops it)\n`,
  );
  if (flags.open) openBrowser(url);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await explorer.close();
  return EXIT.pass;
}

/** The page's query for a model: `model=paxos&variant=…&set=k=v` (the page adds `path`). */
function linkQuery(key: { model: string; variant?: string; settings: Settings }): string {
  const query = new URLSearchParams({ model: key.model });
  if (key.variant) query.set('variant', key.variant);
  for (const [k, v] of Object.entries(key.settings)) query.append('set', `${k}=${v}`);
  return query.toString();
}

function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => process.stderr.write(`could not start ${command}: open ${url} yourself\n`));
  child.unref();
}

function portNumber(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 65535)
    throw new InvalidArgumentError(`expected a port number (0–65535), got '${text}'`);
  return value;
}
