/**
 * The command line: options shared by the AWS commands (--profile, --region repeatable or comma-separated,
 * --endpoint-url), --json and --help on every command, plus each command's own options. The SDK's environment
 * (AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL, …) still applies underneath. Commands use it through ./command.ts.
 */
import { AwsClients, type AwsSettings } from '../aws/clients';
import { isRegionName } from '../core/arn';
import { userAgent } from '../core/version';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface GlobalOptions {
  profile?: string;
  regions: string[];
  endpointUrl?: string;
  /** --connect-timeout, --timeout (per attempt), --operation-timeout, in milliseconds. */
  timeouts?: { connectMs?: number; attemptMs?: number; operationMs?: number };
  json: boolean;
  help: boolean;
}

export interface ParsedArgs {
  global: GlobalOptions;
  positional: string[];
  /** Command options that take a value, by name without dashes (the last one when given more than once). */
  values: Record<string, string>;
  /** Every value of each command option, in order (`--account A --account B` → `{ account: [A, B] }`). */
  repeated: Record<string, string[]>;
  /** Command options without a value that were given. */
  flags: Set<string>;
}

export interface CommandSpec {
  /** Options taking a value, e.g. `date`. */
  values?: string[];
  /** Options without a value, e.g. `digests`. */
  flags?: string[];
  /** Whether --profile, --region and --endpoint-url are accepted (default true). */
  aws?: boolean;
}

const GLOBAL_VALUES = ['profile', 'region', 'endpoint-url', 'connect-timeout', 'timeout', 'operation-timeout'];
const TIMEOUT_OPTIONS: Record<string, 'connectMs' | 'attemptMs' | 'operationMs'> = {
  'connect-timeout': 'connectMs',
  timeout: 'attemptMs',
  'operation-timeout': 'operationMs',
};
const GLOBAL_FLAGS = ['json', 'help'];

export function parseArgs(args: string[], spec: CommandSpec = {}): ParsedArgs {
  const global: GlobalOptions = { regions: [], json: false, help: false };
  const positional: string[] = [];
  const values: Record<string, string> = {};
  const repeated: Record<string, string[]> = {};
  const flags = new Set<string>();
  const takesValue = new Set([...(spec.aws === false ? [] : GLOBAL_VALUES), ...(spec.values ?? [])]);
  const isFlag = new Set([...GLOBAL_FLAGS, ...(spec.flags ?? [])]);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (arg === '-h') {
      global.help = true;
      continue;
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`Unknown option "${arg}".`);
      positional.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = arg.slice(2, equals === -1 ? undefined : equals);
    if (isFlag.has(name)) {
      if (equals !== -1) throw new UsageError(`Option --${name} takes no value.`);
      if (name === 'json') global.json = true;
      else if (name === 'help') global.help = true;
      else flags.add(name);
      continue;
    }
    if (!takesValue.has(name)) throw new UsageError(`Unknown option "--${name}".`);
    let value: string | undefined = equals === -1 ? args[++i] : arg.slice(equals + 1);
    if (value === undefined || (equals === -1 && value.startsWith('--'))) throw new UsageError(`Option --${name} needs a value.`);
    value = value.trim();
    if (value === '') throw new UsageError(`Option --${name} needs a value.`);
    if (name === 'profile') global.profile = value;
    else if (TIMEOUT_OPTIONS[name]) {
      const seconds = Number(value);
      if (!/^\d+(\.\d+)?$/.test(value) || !(seconds >= 0.1 && seconds <= 86_400))
        throw new UsageError(`--${name} takes seconds between 0.1 and 86400, not "${value}".`);
      global.timeouts = { ...global.timeouts, [TIMEOUT_OPTIONS[name]]: seconds * 1000 };
    } else if (name === 'endpoint-url') {
      if (!/^https?:\/\/[^\s/]+/.test(value)) throw new UsageError(`--endpoint-url must be an http(s) URL, not "${value}".`);
      global.endpointUrl = value;
    } else if (name === 'region') {
      for (const region of value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)) {
        if (region !== 'all' && !isRegionName(region)) throw new UsageError(`"${region}" is not a region name (e.g. us-west-2).`);
        global.regions.push(region);
      }
    } else {
      values[name] = value;
      (repeated[name] ??= []).push(value);
    }
  }
  return { global, positional, values, repeated, flags };
}

/** `--max-mb N`: a positive size in MB as bytes; `fallback` when the option is absent. */
export function megabytesOption(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const mb = Number(value);
  if (!Number.isFinite(mb) || mb <= 0) throw new UsageError(`--max-mb needs a positive number, not "${value}".`);
  return Math.floor(mb * 1024 * 1024);
}

export function awsSettings(global: GlobalOptions): AwsSettings {
  return {
    ...(global.profile ? { profile: global.profile } : {}),
    ...(global.regions.length > 0 ? { regions: global.regions } : {}),
    ...(global.endpointUrl ? { endpointUrl: global.endpointUrl } : {}),
    ...(global.timeouts ? { timeouts: global.timeouts } : {}),
  };
}

/** The clients of one CLI run, named in the user agent so calls from the CLI can be told apart in CloudTrail. */
export function cliClients(global: GlobalOptions): AwsClients {
  return new AwsClients(awsSettings(global), { userAgentSuffix: userAgent('cli') });
}

export const GLOBAL_HELP = `Global options:
  --profile NAME        AWS profile from ~/.aws/config (default: AWS_PROFILE or the default chain)
  --region REGION       region to work in; repeat or comma-separate for several ("all": every commercial region)
  --endpoint-url URL    custom endpoint for every AWS call (sandbox, LocalStack); S3 then uses path-style
  --connect-timeout S   seconds to connect (default 10)
  --timeout S           seconds an attempt may wait for an answer (default 30; a body must then keep coming)
  --operation-timeout S seconds for a whole call, retries included (default 120)
  --json                machine-readable output
  --help                this help`;

// The SDK warns on every run that its 2027 releases will need Node 22; on a CLI that is noise on stderr.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
