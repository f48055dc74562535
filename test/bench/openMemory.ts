/**
 * Peak memory of the open path, in a child process of its own (forked by open.ts, default GC, no --expose-gc):
 * warm up on a small log (SDK loaded, sockets open), then, in mode 'fetch', open the big log as the extension does
 * (fetchLog with prettyPrint: indented as it arrives, bytes to bytes). Prints one JSON line: VmHWM (peak RSS) before and
 * after, in bytes.
 * Mode 'fetch+encode' takes the former string path instead, for comparison: decode, prettyPrintJson, TextEncoder.encode. Mode 'baseline' stops after the warm-up: its VmHWM is what the fetch child would have peaked at without the big log.
 */
import { readFileSync } from 'node:fs';
import { AwsClients } from '../../src/aws/clients';
import { fetchLog } from '../../src/aws/fetchLog';
import { prettyPrintJson } from '../../src/core/logs/pretty';

export interface MemoryReport {
  mode: string;
  hwm_before_bytes: number;
  hwm_after_bytes: number;
  rss_after_bytes: number;
  pretty_chars: number;
}

/** VmHWM (peak resident set) of this process, in bytes. */
export function peakRss(): number {
  const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
  if (!match) throw new Error('VmHWM is missing from /proc/self/status (Linux only).');
  return Number(match[1]) * 1024;
}

async function main(): Promise<void> {
  const [mode, endpoint, bucket, region, smallKey, bigKey] = process.argv.slice(2);
  const clients = new AwsClients({ endpointUrl: endpoint, regions: [region] });
  const warm = await fetchLog(clients, { bucket, key: smallKey, region }, { prettyPrint: true });
  if (mode === 'fetch+encode') new TextEncoder().encode(prettyPrintJson(warm.text));
  const hwmBefore = peakRss();
  let prettyChars = 0;
  if (mode === 'fetch' || mode === 'fetch+encode') {
    const log = await fetchLog(clients, { bucket, key: bigKey, region }, { prettyPrint: mode === 'fetch' });
    // VS Code's file system API takes bytes: the string path must encode its result.
    prettyChars =
      mode === 'fetch'
        ? log.pretty && 'bytes' in log.pretty
          ? log.pretty.bytes.byteLength
          : -1
        : new TextEncoder().encode(prettyPrintJson(log.text)).length;
  }
  const report: MemoryReport = {
    mode,
    hwm_before_bytes: hwmBefore,
    hwm_after_bytes: peakRss(),
    rss_after_bytes: process.memoryUsage().rss,
    pretty_chars: prettyChars,
  };
  clients.dispose();
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`open memory child failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
