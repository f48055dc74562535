/**
 * The CLI's commands: name, one-line summary for `cloudtrail-kms --help`, and the module that holds the command
 * (loaded only when that command runs). A new command is one line here plus one file in this folder written on
 * ../command.ts.
 */
import type { CliCommand } from '../command';

export interface CommandEntry {
  summary: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each command has its own argument type
  load: () => Promise<{ command: CliCommand<any> }>;
}

export const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  trails: {
    summary: 'List trails with their status and KMS key (flags: not symmetric, disabled, other region/account)',
    load: () => import('./trails.js'),
  },
  keys: { summary: 'List KMS keys with alias, spec, state and rotation', load: () => import('./keys.js') },
  ls: { summary: "List a trail's log folders, a day's log files (--date), or an s3:// prefix", load: () => import('./ls.js') },
  cat: { summary: 'Decrypt, gunzip and pretty-print one log object (s3://bucket/key or object ARN)', load: () => import('./cat.js') },
  explain: {
    summary: 'Explain the fields of a CloudTrail log file or event (--offset, --path or --all)',
    load: () => import('./explain.js'),
  },
  validate: {
    summary: 'Validate log-file integrity (digest chain + log hashes) with the verdicts of aws cloudtrail validate-logs',
    load: () => import('./validate.js'),
  },
  'key-policy': {
    summary: "Check a trail key's policy: may CloudTrail encrypt/describe, may you decrypt (yes / no / cannot tell)",
    load: () => import('./keyPolicy.js'),
  },
  activity: {
    summary: 'What CloudTrail recorded about one KMS key (LookupEvents, last 90 days; --since, --max)',
    load: () => import('./activity.js'),
  },
  'athena-ddl': {
    summary: "Print the Athena CREATE TABLE (partition projection) for a trail's logs or an s3:// log location",
    load: () => import('./athenaDdl.js'),
  },
  athena: {
    summary: 'Find events with Amazon Athena: the same as search --engine athena (the query as SQL with execution parameters)',
    load: () => import('./athena.js'),
  },
  search: {
    summary: "Find events in a trail's logs over a time range, across accounts and regions (streamed here, or --engine athena)",
    load: () => import('./search.js'),
  },
};
