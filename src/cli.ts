/** Headless front end over src/core and src/aws: `node dist/cli.js <command> [options]`. */

const USAGE = `Usage: cloudtrail-kms <command> [options]

Commands:
  help                 show this text

Exit codes: 0 ok, 1 an AWS or data error, 2 usage.`;

export async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  if (command === undefined || command === 'help' || command === '--help') {
    process.stdout.write(USAGE + '\n');
    return command === undefined ? 2 : 0;
  }
  process.stderr.write(`Unknown command "${command}".\n\n${USAGE}\n`);
  return 2;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
