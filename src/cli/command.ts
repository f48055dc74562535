/**
 * The scaffold every CLI command is written on (see docs/architecture.md, "How to add a feature"): a usage text, the
 * command's own options, one function that checks the arguments, and a body. The scaffold parses the command line,
 * answers --help, creates the AWS clients once for AWS commands and disposes of them once, and turns what the body
 * throws into an exit code with one readable message on stderr (0 ok, 1 an AWS or data error, 2 usage).
 */
import type { AwsClients } from '../aws/clients';
import { CancelledError, ExplainedError } from '../core/errors';
import type { CliIo } from './io';
import { terminalSafe } from './terminalText';
import { cliClients, GLOBAL_HELP, parseArgs, UsageError, type CommandSpec, type GlobalOptions, type ParsedArgs } from './options';

export interface CommandContext<A> {
  /** What the command's `parse` returned. */
  args: A;
  global: GlobalOptions;
  io: CliIo;
}

export interface AwsCommandContext<A> extends CommandContext<A> {
  /** The clients of this run: created before the body, disposed after it. */
  clients: AwsClients;
}

interface CommandBase<A> {
  /** `Usage: cloudtrail-kms <name> …` and what the command does; --help prints it (AWS commands: plus the global options). */
  usage: string;
  /** The command's own options: `values` take a value (`--date D`), `flags` do not (`--digests`). */
  options?: Pick<CommandSpec, 'values' | 'flags'>;
  /** Checks the parsed command line and returns what the body needs; throws UsageError for anything wrong. */
  parse(parsed: ParsedArgs): A;
}

/** A command that talks to AWS: takes --profile, --region and --endpoint-url, and gets clients. */
export interface AwsCliCommand<A> extends CommandBase<A> {
  aws: true;
  run(context: AwsCommandContext<A>): Promise<number | void>;
}

/** A command that works on local files only (no AWS options, no clients). */
export interface LocalCliCommand<A> extends CommandBase<A> {
  aws: false;
  run(context: CommandContext<A>): Promise<number | void>;
}

export type CliCommand<A> = AwsCliCommand<A> | LocalCliCommand<A>;

/** Declares a command; the identity, so TypeScript infers the argument type from `parse` for `run`. */
export function defineCommand<A>(command: CliCommand<A>): CliCommand<A> {
  return command;
}

/** `parse` of a command that takes no arguments besides options. */
export function noArguments(name: string): (parsed: ParsedArgs) => void {
  return ({ positional }) => {
    if (positional.length > 0) throw new UsageError(`${name} takes no arguments (got "${positional[0]}").`);
  };
}

function helpText<A>(command: CliCommand<A>): string {
  return command.aws ? `${command.usage}\n\n${GLOBAL_HELP}` : command.usage;
}

/** Runs one command on its arguments (the words after the command name); resolves to the exit code, never rejects. */
export async function runCommand<A>(command: CliCommand<A>, argv: string[], raw: CliIo): Promise<number> {
  // Log values, S3 keys and endpoint messages reach every output: all of it is escaped for the terminal, here, once.
  const io = terminalSafe(raw);
  try {
    const parsed = parseArgs(argv, { ...command.options, aws: command.aws });
    if (parsed.global.help) {
      io.stdout.write(`${helpText(command)}\n`);
      return 0;
    }
    const args = command.parse(parsed);
    if (!command.aws) return (await command.run({ args, global: parsed.global, io })) ?? 0;
    const clients = cliClients(parsed.global);
    try {
      return (await command.run({ args, global: parsed.global, io, clients })) ?? 0;
    } finally {
      clients.dispose();
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n\n${helpText(command)}\n`);
      return 2;
    }
    if (error instanceof ExplainedError || error instanceof CancelledError) {
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
