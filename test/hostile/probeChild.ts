// Child side of probe.ts: `node <watch flags> probeChild.js <probes module> <probe name>`; prints `@@result <json>`.
import { writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { measureAsync } from './workMeter';

type Probes = Record<string, () => unknown>;

async function main(): Promise<void> {
  const [moduleFile, name] = process.argv.slice(2);
  const loaded = (await import(pathToFileURL(moduleFile).href)) as { probes?: Probes; default?: { probes: Probes } };
  const probes = loaded.probes ?? loaded.default?.probes ?? {};
  const probe = Object.prototype.hasOwnProperty.call(probes, name) ? probes[name] : undefined;
  if (!probe) throw new Error(`no probe ${name} in ${moduleFile}`);
  const { result, work } = await measureAsync(async () => probe());
  writeSync(1, `@@result ${JSON.stringify({ result, work })}\n`);
}

main().catch((error: unknown) => {
  writeSync(2, `${(error as Error)?.stack ?? String(error)}\n`);
  process.exitCode = 1;
});
