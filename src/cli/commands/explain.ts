/** `cloudtrail-kms explain FILE [--offset N | --path P | --all] [--json]`: the hover's explanations, headless. */
import { readFileSync, statSync } from 'node:fs';
import { gunzipBounded, LOG_SIZE_LIMIT } from '../../core/boundedGunzip';
import { tooLargeError } from '../../core/errors';
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
import { defineCommand } from '../command';
import { megabytesOption, UsageError } from '../options';

const USAGE = `Usage: cloudtrail-kms explain FILE (--offset N | --path PATH | --all) [--json] [--max-mb N]

Explains CloudTrail fields the way the editor hover does. FILE is a CloudTrail log file
(.json or .json.gz), a single event, or LookupEvents output.

  --offset N    explain the key or value at character offset N (0-based)
  --path PATH   explain the key at PATH, e.g. 'Records[0].userIdentity.type'
  --all         one JSON line per object key: {"path","offset","title","text","links","specific"}
                (specific: false where the text is a generic catch-all)
  --json        with --offset / --path: print that JSON line instead of text
  --max-mb N    limit on the (uncompressed) size of FILE in MB (default ${LOG_SIZE_LIMIT / 1024 / 1024})`;

async function readDocument(file: string, maxBytes: number): Promise<string> {
  let bytes: Buffer;
  try {
    const size = statSync(file).size;
    if (size > maxBytes) throw tooLargeError(file, maxBytes, size);
    bytes = readFileSync(file);
  } catch (error) {
    if ((error as { code?: string }).code === 'TooLarge') throw error;
    throw new Error(`Cannot read ${file}: ${(error as Error).message}`);
  }
  // Inflated with the one bounded gunzip: a small file that inflates to gigabytes stops at the limit, explained.
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = await gunzipBounded(bytes, maxBytes, file);
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

export const command = defineCommand({
  usage: USAGE,
  aws: false,
  options: { values: ['offset', 'path', 'max-mb'], flags: ['all'] },
  parse({ positional, values, flags, global }) {
    if (positional.length === 0) throw new UsageError('FILE is missing.');
    if (positional.length > 1) throw new UsageError(`Only one FILE, got "${positional[0]}" and "${positional[1]}".`);
    let offset: number | undefined;
    if (values.offset !== undefined) {
      if (!/^\d+$/.test(values.offset)) throw new UsageError(`--offset must be a non-negative integer, not "${values.offset}".`);
      offset = Number(values.offset);
    }
    const all = flags.has('all');
    const modes = [offset !== undefined, values.path !== undefined, all].filter(Boolean).length;
    if (modes !== 1) throw new UsageError('Give exactly one of --offset, --path or --all.');
    let path: ReturnType<typeof parsePath> | undefined;
    if (values.path !== undefined) {
      path = parsePath(values.path);
      if (!path) throw new UsageError(`--path "${values.path}" is not a path like Records[0].userIdentity.type.`);
    }
    const maxBytes = megabytesOption(values['max-mb'], LOG_SIZE_LIMIT);
    return { file: positional[0], offset, path, pathText: values.path, all, json: global.json, maxBytes };
  },
  async run({ args, io }) {
    const text = await readDocument(args.file, args.maxBytes);
    const index = buildRecordIndex(text);

    if (args.all) {
      for (const entry of explainEveryKey(text, index)) {
        io.stdout.write(
          `${JSON.stringify({ path: pathText(entry.path), offset: entry.offset, title: entry.title ?? null, text: sectionsText(entry.sections), links: jsonLinks(entry.links), specific: entry.specific })}\n`,
        );
      }
      return 0;
    }

    let offset = args.offset;
    if (args.path) {
      offset = offsetOfPath(text, args.path, index);
      if (offset === undefined) {
        io.stderr.write(`${args.file} has nothing at ${args.pathText}.\n`);
        return 1;
      }
    }
    if (offset === undefined || offset >= text.length)
      throw new UsageError(`Offset ${String(offset)} is beyond the end of ${args.file} (${text.length} characters).`);
    const explanation = explain(text, offset, index);
    if (!explanation) {
      io.stderr.write(`Nothing to explain at offset ${offset} of ${args.file} (not on a key or value of a CloudTrail record).\n`);
      return 1;
    }
    if (args.json) {
      io.stdout.write(
        `${JSON.stringify({ path: pathText(explanation.path), offset: explanation.range.start, title: explanation.title, text: sectionsText(explanation.sections), links: jsonLinks(explanation.links), specific: explanation.specific ?? false })}\n`,
      );
      return 0;
    }
    const lines = [
      explanation.title,
      `(${pathText(explanation.path)}, characters ${explanation.range.start}-${explanation.range.end})`,
      '',
    ];
    for (const section of explanation.sections) lines.push(section.heading ? `${section.heading}: ${section.text}` : section.text);
    if (explanation.links.length > 0) {
      lines.push('', 'Links:');
      for (const link of explanation.links) lines.push(`  ${link.kind}: ${linkTarget(link)}`);
    }
    io.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
});
