/**
 * `npm run bench`: runs each benchmark section, prints every figure beside its target (misses marked),
 * and writes bench-results.json. Add a section by adding an entry to SECTIONS.
 */
import { writeFileSync } from 'node:fs';
import { benchHover } from './hover';

interface Target { figure: string; max: number; label: string }
interface Section { name: string; run: () => Promise<object>; targets: Target[] }

const SECTIONS: Section[] = [
  {
    name: 'hover',
    run: benchHover,
    targets: [
      { figure: 'p99_ms', max: 5, label: 'explain p99 ≤ 5 ms in a 100 MB document' },
      { figure: 'index_build_ratio', max: 1.5, label: 'index build ≤ 1.5 × JSON.parse' },
    ],
  },
];

async function main(): Promise<number> {
  const results: Record<string, object> = {};
  let misses = 0;
  for (const section of SECTIONS) {
    process.stdout.write(`\n[${section.name}]\n`);
    const figures = await section.run() as Record<string, number>;
    results[section.name] = figures;
    for (const [figure, value] of Object.entries(figures)) {
      const target = section.targets.find((t) => t.figure === figure);
      const verdict = target ? (value <= target.max ? `ok   (target ${target.label})` : `MISS (target ${target.label})`) : '';
      if (target && value > target.max) misses++;
      process.stdout.write(`  ${figure.padEnd(26)} ${String(value).padStart(12)}  ${verdict}\n`);
    }
  }
  writeFileSync('bench-results.json', `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`\nWrote bench-results.json${misses ? `; ${misses} target(s) missed` : '; all targets met'}.\n`);
  return misses ? 1 : 0;
}

main().then((code) => { process.exitCode = code; }, (error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
