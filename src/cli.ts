/** Headless front end over src/core and src/aws: `node dist/cli.js <command> [options]`. */
import type { CliIo } from './cli/io';

/** One entry per command; each module exports `run(args, io): Promise<number>` (0 ok, 1 AWS/data error, 2 usage). */
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run(args: string[], io: CliIo): Promise<number> }> }> = {
  trails: {
    summary: 'List trails with their status and KMS key (flags: not symmetric, disabled, other region/account)',
    load: () => import('./cli/commands/trails.js'),
  },
  keys: { summary: 'List KMS keys with alias, spec, state and rotation', load: () => import('./cli/commands/keys.js') },
  ls: { summary: "List a trail's log folders, a day's log files (--date), or an s3:// prefix", load: () => import('./cli/commands/ls.js') },
  cat: {
    summary: 'Decrypt, gunzip and pretty-print one log object (s3://bucket/key or object ARN)',
    load: () => import('./cli/commands/cat.js'),
  },
  explain: {
    summary: 'Explain the fields of a CloudTrail log file or event (--offset, --path or --all)',
    load: () => import('./cli/commands/explain.js'),
  },
  validate: {
    summary: 'Validate log-file integrity (digest chain + log hashes) with the verdicts of aws cloudtrail validate-logs',
    load: () => import('./cli/commands/validate.js'),
  },
  'key-policy': {
    summary: "Check a trail key's policy: may CloudTrail encrypt/describe, may you decrypt (yes / no / cannot tell)",
    load: () => import('./cli/commands/keyPolicy.js'),
  },
  activity: {
    summary: 'What CloudTrail recorded about one KMS key (LookupEvents, last 90 days; --since, --max)',
    load: () => import('./cli/commands/activity.js'),
  },
};

function usage(): string {
  const width = Math.max(4, ...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, { summary }]) => `  ${name.padEnd(width)}  ${summary}`);
  return `Usage: cloudtrail-kms <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun "cloudtrail-kms <command> --help" for a command's options.\nExit codes: 0 ok, 1 an AWS or data error, 2 usage.`;
}

export async function main(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    (command === undefined ? io.stderr : io.stdout).write(usage() + '\n');
    return command === undefined ? 2 : 0;
  }
  const entry = Object.prototype.hasOwnProperty.call(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!entry) {
    io.stderr.write(`Unknown command "${command}".\n\n${usage()}\n`);
    return 2;
  }
  const module = await entry.load();
  return module.run(rest, io);
}

if (require.main === module) {
  // `cloudtrail-kms cat … | head`: the reader went away; that is not an error, and not a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
