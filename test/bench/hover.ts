/**
 * Hover benchmark: a ~100 MB CloudTrail log, the record index built once, explain() at 1,000 random
 * offsets (seeded), against JSON.parse of the same text and a naive jsonc-parser getLocation from the
 * document start (20 samples only: each one scans from the start).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { getLocation } from 'jsonc-parser';
import { buildRecordIndex, explain } from '../../src/core/explain';

export interface HoverBench {
  p50_ms: number;
  p99_ms: number;
  index_build_ms: number;
  json_parse_ms: number;
  index_build_ratio: number;
  naive_getlocation_p50_ms: number;
  naive_getlocation_p99_ms: number;
  /** Context, not targets. */
  document_mb: number;
  records: number;
  samples: number;
  naive_samples: number;
  explained: number;
}

import { CORPUS } from '../corpusPath';
const TARGET_BYTES = 100 * 1024 * 1024;

/** Park–Miller PRNG: the same offsets on every run. */
function prng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** A pretty-printed log file (as the extension shows it) of about 100 MB, from the seed events with varied ids. */
export function generateLog(bytes = TARGET_BYTES): { text: string; records: number } {
  const seeds = ['1-trail-configured-generatedatakey.json', '2-log-file-stored-generatedatakey.json', '3-log-file-read-decrypt.json'].map(
    (name) => JSON.parse(readFileSync(join(CORPUS, 'seed', name), 'utf8')) as Record<string, unknown>,
  );
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const event = {
      ...seeds[i % seeds.length],
      eventID: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      userAgent: `aws-cli/2.${i % 50} Python/3.11 "quoted" [bracket] {brace}`,
    };
    const record = JSON.stringify(event, null, 2).replace(/\n/g, '\n    ');
    parts.push(`    ${record}`);
    size += record.length + 6;
  }
  return { text: `{\n  "Records": [\n${parts.join(',\n')}\n  ]\n}\n`, records: parts.length };
}

function timeOnce(fn: () => unknown): number {
  gc();
  const start = performance.now();
  fn();
  return performance.now() - start;
}

export async function benchHover(): Promise<HoverBench> {
  const { text, records } = generateLog();

  const parseRuns = [0, 1, 2].map(() => timeOnce(() => JSON.parse(text)));
  let index = buildRecordIndex(text);
  const buildRuns = [0, 1, 2].map(() =>
    timeOnce(() => {
      index = buildRecordIndex(text);
    }),
  );
  const json_parse_ms = percentile(parseRuns, 50);
  const index_build_ms = percentile(buildRuns, 50);

  const random = prng(20240611);
  const times: number[] = [];
  let explained = 0;
  for (let i = 0; i < 1000; i++) {
    const offset = Math.floor(random() * text.length);
    const start = performance.now();
    const explanation = explain(text, offset, index);
    times.push(performance.now() - start);
    if (explanation) explained++;
  }

  const naive: number[] = [];
  for (let i = 0; i < 20; i++) {
    const offset = Math.floor(random() * text.length);
    const start = performance.now();
    getLocation(text, offset);
    naive.push(performance.now() - start);
  }

  return {
    p50_ms: round(percentile(times, 50)),
    p99_ms: round(percentile(times, 99)),
    index_build_ms: round(index_build_ms),
    json_parse_ms: round(json_parse_ms),
    index_build_ratio: round(index_build_ms / json_parse_ms),
    naive_getlocation_p50_ms: round(percentile(naive, 50)),
    naive_getlocation_p99_ms: round(percentile(naive, 99)),
    document_mb: round(text.length / 1024 / 1024),
    records,
    samples: times.length,
    naive_samples: naive.length,
    explained,
  };
}
