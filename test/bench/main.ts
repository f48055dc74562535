/**
 * `npm run bench`: runs each benchmark section, prints every figure beside its target (misses marked),
 * and writes bench-results.json. Add a section by adding an entry to SECTIONS.
 */
import { writeFileSync } from 'node:fs';
import { benchHover } from './hover';
import { benchList, FULL_DAY_REQUESTS } from './list';
import { benchOpen } from './open';
import { benchSearch } from './search';
import { benchSearchCore } from './searchCore';
import { benchValidate } from './validate';

interface Target {
  figure: string;
  max: number;
  /** A lower bound too, for figures that must stay in a band (e.g. the compression ratio of realistic data). */
  min?: number;
  label: string;
}
interface Section {
  name: string;
  run: () => Promise<object>;
  targets: Target[];
}

const SECTIONS: Section[] = [
  {
    name: 'open',
    run: benchOpen,
    targets: [
      { figure: 'ratio_vs_floor', max: 1.2, label: '≤ 1.2 × GetObject streamed through gunzip into one buffer' },
      { figure: 'ratio_vs_minimal', max: 1.3, label: '≤ 1.3 × GetObject+gunzipSync+JSON.parse+stringify' },
      { figure: 'ratio_vs_awscli', max: 0.5, label: '≤ 0.5 × aws s3 cp | gunzip | json.tool' },
      { figure: 'peak_rss_ratio', max: 3, label: 'peak RSS ≤ 3 × uncompressed size' },
      { figure: 'compression_ratio', min: 8, max: 12, label: 'realistic data: the log gzips 8–12 ×' },
    ],
  },
  {
    name: 'hover',
    run: benchHover,
    targets: [
      { figure: 'p99_ms', max: 5, label: 'explain p99 ≤ 5 ms in a 100 MB document' },
      { figure: 'index_build_ratio', max: 1.5, label: 'index build ≤ 1.5 × JSON.parse' },
    ],
  },
  {
    name: 'search-core',
    run: benchSearchCore,
    targets: [
      { figure: 'scan_vs_parse', max: 0.25, label: 'prefilter scan ≤ 0.25 × JSON.parse of the file' },
      { figure: 'automaton_vs_parse', max: 0.6, label: 'many-literal scan ≤ 0.6 × JSON.parse' },
      { figure: 'match_vs_parse', max: 0.3, label: 'matching every record ≤ 0.3 × JSON.parse' },
    ],
  },
  {
    name: 'search',
    run: benchSearch,
    targets: [
      { figure: 'ratio_vs_awscli', max: 0.1, label: '≤ 0.1 × aws s3 cp --recursive + gunzip + Python filter' },
      { figure: 'ratio_vs_floor', max: 1.5, label: '≤ 1.5 × GetObject + gunzip of the same files, same concurrency' },
      { figure: 'broad_ratio_vs_parse', max: 1.2, label: 'every file parsed: ≤ 1.2 × GetObject + gunzip + JSON.parse' },
      { figure: 'first_result_ms', max: 1000, label: 'first result ≤ 1 s after the first file arrived' },
      { figure: 'peak_rss_range_ratio', max: 1.2, label: 'peak RSS searching 4 days ≤ 1.2 × searching 1 day' },
      { figure: 'peak_rss_range_ratio_8_vs_2_days', max: 1.2, label: 'peak RSS searching 8 days ≤ 1.2 × searching 2 days' },
      {
        figure: 'ratio_vs_awscli_at_latency',
        max: 0.1,
        label: '≤ 0.1 × aws s3 cp --recursive + gunzip + Python filter, every answer 20 ms later',
      },
    ],
  },
  {
    name: 'list',
    run: benchList,
    targets: [
      { figure: 'requests_first_page', max: 1, label: '1 ListObjectsV2 before the first page' },
      { figure: 'requests_full_day', max: FULL_DAY_REQUESTS, label: `⌈n/1000⌉ = ${FULL_DAY_REQUESTS} ListObjectsV2 for the day` },
    ],
  },
  {
    name: 'validate',
    run: benchValidate,
    targets: [
      { figure: 'ratio_vs_awscli', max: 0.2, label: '≤ 0.2 × aws cloudtrail validate-logs, 30 days × 2 regions (≥ 5× faster), loopback' },
      {
        figure: 'ratio_vs_awscli_at_latency',
        max: 0.2,
        label: '≤ 0.2 × aws cloudtrail validate-logs, same world, every answer 20 ms later (S3: "tens of ms")',
      },
      { figure: 'verdict_mismatches', max: 0, label: 'the same verdict lines as aws cloudtrail validate-logs' },
    ],
  },
];

async function main(): Promise<number> {
  const results: Record<string, object> = {};
  let misses = 0;
  // `npm run bench -- open list`: only the named sections.
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !SECTIONS.some((section) => section.name === name));
  if (unknown.length) throw new Error(`Unknown bench section(s): ${unknown.join(', ')}. Known: ${SECTIONS.map((s) => s.name).join(', ')}.`);
  for (const section of SECTIONS.filter((s) => wanted.length === 0 || wanted.includes(s.name))) {
    process.stdout.write(`\n[${section.name}]\n`);
    const figures = (await section.run()) as Record<string, number>;
    results[section.name] = figures;
    for (const [figure, value] of Object.entries(figures)) {
      const target = section.targets.find((t) => t.figure === figure);
      const met = target !== undefined && value <= target.max && (target.min === undefined || value >= target.min);
      const verdict = target ? (met ? `ok   (target ${target.label})` : `MISS (target ${target.label})`) : '';
      if (target && !met) misses++;
      process.stdout.write(`  ${figure.padEnd(26)} ${String(value).padStart(12)}  ${verdict}\n`);
    }
  }
  writeFileSync('bench-results.json', `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`\nWrote bench-results.json${misses ? `; ${misses} target(s) missed` : '; all targets met'}.\n`);
  return misses ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
