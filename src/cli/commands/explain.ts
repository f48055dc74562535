/** `cloudtrail-kms explain FILE [--offset N | --path P | --all] [--json]`: the hover's explanations, headless. */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import {
  buildRecordIndex,
  explain,
  explainEveryKey,
  linkTarget,
  looksLikeCloudTrail,
  offsetOfPath,
  parsePath,
  type ExplainLink,
  type ExplainSection,
} from '../../core/explain';
import type { CliIo } from '../io';

const USAGE = `Usage: cloudtrail-kms explain FILE (--offset N | --path PATH | --all) [--json]

Explains CloudTrail fields the way the editor hover does. FILE is a CloudTrail log file
(.json or .json.gz), a single event, or LookupEvents output.

  --offset N    explain the key or value at character offset N (0-based)
  --path PATH   explain the key at PATH, e.g. 'Records[0].userIdentity.type'
  --all         one JSON line per object key: {"path","offset","title","text","links"}
  --json        with --offset / --path: print that JSON line instead of text`;

class UsageError extends Error {}

interface Options {
  file: string;
  offset?: number;
  path?: string;
  all: boolean;
  json: boolean;
}

function parseArgs(args: string[]): Options {
  let file: string | undefined;
  let offset: number | undefined;
  let path: string | undefined;
  let all = false;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = (): string => {
      const next = args[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value.`);
      return next;
    };
    if (arg === '--offset') {
      const text = value();
      if (!/^\d+$/.test(text)) throw new UsageError(`--offset must be a non-negative integer, not "${text}".`);
      offset = Number(text);
    } else if (arg === '--path') path = value();
    else if (arg === '--all') all = true;
    else if (arg === '--json') json = true;
    else if (arg.startsWith('-')) throw new UsageError(`Unknown option ${arg}.`);
    else if (file === undefined) file = arg;
    else throw new UsageError(`Only one FILE, got "${file}" and "${arg}".`);
  }
  if (file === undefined) throw new UsageError('FILE is missing.');
  const modes = [offset !== undefined, path !== undefined, all].filter(Boolean).length;
  if (modes !== 1) throw new UsageError('Give exactly one of --offset, --path or --all.');
  return { file, offset, path, all, json };
}

function readDocument(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new Error(`Cannot read ${file}: ${(error as Error).message}`);
  }
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch (error) {
      throw new Error(`${file} starts like gzip but does not decompress (${(error as Error).message}). Is the download complete?`);
    }
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  try {
    JSON.parse(text);
  } catch (error) {
    throw new Error(
      `${file} is not valid JSON (${(error as Error).message}). Expected a CloudTrail log file, event or LookupEvents output.`,
    );
  }
  if (!looksLikeCloudTrail(text)) {
    throw new Error(
      `${file} does not look like CloudTrail JSON: no "Records" array, no event fields (eventVersion, eventSource) and no LookupEvents "CloudTrailEvent".`,
    );
  }
  return text;
}

function sectionsText(sections: ExplainSection[]): string {
  return sections.map((s) => (s.heading ? `${s.heading}: ${s.text}` : s.text)).join('\n');
}

function jsonLinks(links: ExplainLink[]): { kind: string; target: string }[] {
  return links.map((link) => ({ kind: link.kind, target: linkTarget(link) }));
}

function pathText(path: (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$:-]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let options: Options;
  try {
    options = parseArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  let text: string;
  try {
    text = readDocument(options.file);
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
  const index = buildRecordIndex(text);

  if (options.all) {
    for (const entry of explainEveryKey(text, index)) {
      io.stdout.write(
        `${JSON.stringify({ path: pathText(entry.path), offset: entry.offset, title: entry.title ?? null, text: sectionsText(entry.sections), links: jsonLinks(entry.links) })}\n`,
      );
    }
    return 0;
  }

  let offset = options.offset;
  if (options.path !== undefined) {
    const path = parsePath(options.path);
    if (!path) {
      io.stderr.write(`--path "${options.path}" is not a path like Records[0].userIdentity.type.\n`);
      return 2;
    }
    offset = offsetOfPath(text, path, index);
    if (offset === undefined) {
      io.stderr.write(`${options.file} has nothing at ${options.path}.\n`);
      return 1;
    }
  }
  if (offset === undefined || offset >= text.length) {
    io.stderr.write(`Offset ${String(offset)} is beyond the end of ${options.file} (${text.length} characters).\n`);
    return 2;
  }
  const explanation = explain(text, offset, index);
  if (!explanation) {
    io.stderr.write(`Nothing to explain at offset ${offset} of ${options.file} (not on a key or value of a CloudTrail record).\n`);
    return 1;
  }
  if (options.json) {
    io.stdout.write(
      `${JSON.stringify({ path: pathText(explanation.path), offset: explanation.range.start, title: explanation.title, text: sectionsText(explanation.sections), links: jsonLinks(explanation.links) })}\n`,
    );
    return 0;
  }
  const lines = [explanation.title, `(${pathText(explanation.path)}, characters ${explanation.range.start}-${explanation.range.end})`, ''];
  for (const section of explanation.sections) lines.push(section.heading ? `${section.heading}: ${section.text}` : section.text);
  if (explanation.links.length > 0) {
    lines.push('', 'Links:');
    for (const link of explanation.links) lines.push(`  ${link.kind}: ${linkTarget(link)}`);
  }
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
