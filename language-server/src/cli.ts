/**
 * The `wheelhouse` CLI: the same engine as the language server, with no LSP imports.
 * Exit codes: 0 success, 1 findings (errors), 2 usage or I/O failure.
 */
import { commands } from './commands/index.js';
import { UsageError, type CommandIO } from './commands/command.js';

function nodeIO(): CommandIO {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  };
}

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 8);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return ['Usage: wheelhouse <command> [options]', '', 'Commands:', ...lines, '', 'Run `wheelhouse <command> --help` for a command’s options.', ''].join('\n');
}

export async function main(argv: readonly string[], io: CommandIO = nodeIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.stdout('0.1.0\n');
    return 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.stderr(`wheelhouse: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage.endsWith('\n') ? command.usage : `${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`wheelhouse ${name}: ${error.message}\n\n${command.usage}\n`);
      return 2;
    }
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    io.stderr(`wheelhouse ${name}: ${message}\n`);
    return 2;
  }
}
