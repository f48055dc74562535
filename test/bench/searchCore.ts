/**
 * The pure part of Find Events, against JSON.parse and gunzip of the same bytes (measured in the same run): what the
 * raw prefilter scan and the record matcher add per file. A ~30 MB decompressed log of corpus records (ids varied),
 * and a query whose literals are absent (the scan's worst case: every byte read).
 * - scan_vs_parse: the usual scan (few literals: native search) / JSON.parse — a file that fails the scan is never
 *   parsed, so the scan must be a small fraction of a parse; scan_vs_gunzip: the same / gunzip of the file;
 * - automaton_vs_parse: the scan for many literals (one automaton pass) / JSON.parse;
 * - match_vs_parse: matching every record of the parsed file / JSON.parse of it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gunzipSync, gzipSync } from 'node:zlib';

import {
  buildRawPrefilter,
  compileMatcher,
  compileRawPrefilter,
  parseQuery,
  RawScanner,
  type CompiledRawPrefilter,
} from '../../src/core/search';
import { CORPUS } from '../corpusPath';

export interface SearchCoreBench {
  scan_vs_parse: number;
  scan_vs_gunzip: number;
  automaton_vs_parse: number;
  match_vs_parse: number;
  scan_mb_per_s: number;
  automaton_mb_per_s: number;
  parse_mb_per_s: number;
  gunzip_mb_per_s: number;
  /** Context. */
  document_mb: number;
  records: number;
  matches: number;
}

const TARGET_BYTES = 30 * 1024 * 1024;
const QUERY = 'name:Decrypt,GenerateDataKey principal:Alice* ctx:Department=Engineering';

function corpusLog(): Uint8Array {
  const records: unknown[] = [];
  for (const dir of readdirSync(CORPUS))
    for (const name of readdirSync(join(CORPUS, dir))) {
      const parsed = JSON.parse(readFileSync(join(CORPUS, dir, name), 'utf8')) as { Records?: unknown[] };
      records.push(...(parsed.Records ?? [parsed]));
    }
  const out: unknown[] = [];
  let bytes = 0;
  for (let i = 0; bytes < TARGET_BYTES; i++) {
    const record = { ...(records[i % records.length] as object), eventID: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` };
    out.push(record);
    bytes += JSON.stringify(record).length;
  }
  return new TextEncoder().encode(JSON.stringify({ Records: out }));
}

/** The best of `rounds` timings (the machine is shared and noisy). */
function best(rounds: number, run: () => void): number {
  let fastest = Infinity;
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    run();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

function scanMs(prefilter: CompiledRawPrefilter, bytes: Uint8Array): number {
  return best(5, () => {
    const scanner = new RawScanner(prefilter);
    scanner.push(bytes);
    if (scanner.mayMatch()) throw new Error('the absent literals were found');
  });
}

export async function benchSearchCore(): Promise<SearchCoreBench> {
  const bytes = corpusLog();
  const gzipped = gzipSync(bytes);
  const query = parseQuery(QUERY);
  const match = compileMatcher(query);
  // Literals that never occur: the scan reads every byte (its worst case).
  const absent = buildRawPrefilter(parseQuery('key:alias/never-there name:NeverCalled'));
  const text = new TextDecoder().decode(bytes);
  let records: unknown[] = [];
  const parseMs = best(5, () => {
    records = (JSON.parse(text) as { Records: unknown[] }).Records;
  });
  const gunzipMs = best(5, () => gunzipSync(gzipped));
  const nativeMs = scanMs(compileRawPrefilter(absent, 'native'), bytes);
  const automatonMs = scanMs(compileRawPrefilter(absent, 'automaton'), bytes);
  let matches = 0;
  const matchMs = best(5, () => {
    matches = records.filter(match).length;
  });
  const mb = bytes.length / 1024 / 1024;
  const rate = (ms: number) => Math.round(mb / (ms / 1000));
  const ratio = (ms: number, base: number) => Number((ms / base).toFixed(3));
  return {
    scan_vs_parse: ratio(nativeMs, parseMs),
    scan_vs_gunzip: ratio(nativeMs, gunzipMs),
    automaton_vs_parse: ratio(automatonMs, parseMs),
    match_vs_parse: ratio(matchMs, parseMs),
    scan_mb_per_s: rate(nativeMs),
    automaton_mb_per_s: rate(automatonMs),
    parse_mb_per_s: rate(parseMs),
    gunzip_mb_per_s: rate(gunzipMs),
    document_mb: Number(mb.toFixed(1)),
    records: records.length,
    matches,
  };
}
