/** Headless front end over src/core and src/aws: `node dist/cli.js <command> [options]`. Commands: src/cli/commands/. */
import { runCommand } from './cli/command';
import { COMMANDS } from './cli/commands';
import type { CliIo } from './cli/io';
import { escapeTerminalText } from './cli/terminalText';
import { VERSION } from './core/version';

function usage(): string {
  const width = Math.max(4, ...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, { summary }]) => `  ${name.padEnd(width)}  ${summary}`);
  return `Usage: cloudtrail-kms <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun "cloudtrail-kms <command> --help" for a command's options.\nExit codes: 0 ok, 1 an AWS or data error, 2 usage.`;
}

export async function main(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    (name === undefined ? io.stderr : io.stdout).write(usage() + '\n');
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const entry = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) {
    io.stderr.write(`Unknown command "${name}".\n\n${usage()}\n`);
    return 2;
  }
  const { command } = await entry.load();
  return runCommand(command, rest, io);
}

if (require.main === module) {
  // `cloudtrail-kms cat … | head`: the reader went away; that is not an error, and not a stack trace.
  // Any other write failure (ENOSPC on a redirect, EIO): one sentence on stderr and exit 1, never a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    process.stderr.write(`Cannot write the output: ${error.message}. Check the disk or the pipe it goes to.\n`);
    process.exit(1);
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${escapeTerminalText(error instanceof Error ? error.message : String(error))}\n`);
      process.exitCode = 1;
    },
  );
}
