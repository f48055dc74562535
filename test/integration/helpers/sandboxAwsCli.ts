/** The real `aws` CLI (v1, honours AWS_ENDPOINT_URL) against a sandbox, as one of its principals, in a clean environment. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Principal, Sandbox } from '../../sandbox/index';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface AwsCli {
  run(args: string[], o?: { principal?: Principal; region?: string; shell?: string; timeoutMs?: number }): Promise<CliResult>;
  /** `--output json`, exit 0 required. */
  json(args: string[], o?: { principal?: Principal; region?: string }): Promise<Record<string, unknown>>;
  dispose(): void;
}

export function awsCli(sandbox: Sandbox): AwsCli {
  const dir = mkdtempSync(join(tmpdir(), 'ct-sandbox-cli-'));
  writeFileSync(join(dir, 'config'), '[default]\ns3 =\n  addressing_style = path\n');
  writeFileSync(join(dir, 'credentials'), '');
  const run: AwsCli['run'] = (args, o = {}) =>
    new Promise((resolve) => {
      const p = o.principal ?? sandbox.principals.admin;
      const env = {
        PATH: process.env.PATH,
        HOME: dir,
        AWS_ENDPOINT_URL: sandbox.endpoint,
        AWS_ACCESS_KEY_ID: p.accessKeyId,
        AWS_SECRET_ACCESS_KEY: p.secretAccessKey,
        AWS_DEFAULT_REGION: o.region ?? sandbox.region,
        AWS_CONFIG_FILE: join(dir, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
        AWS_PAGER: '',
      };
      const [file, argv] = o.shell ? ['sh', ['-c', o.shell]] : ['aws', args];
      execFile(file, argv, { env, timeout: o.timeoutMs ?? 120_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 127) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      });
    });
  return {
    run,
    async json(args, o = {}) {
      const r = await run([...args, '--output', 'json'], o);
      if (r.code !== 0) throw new Error(`aws ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
      return JSON.parse(r.stdout) as Record<string, unknown>;
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Tab-separated verdict lines of `aws cloudtrail validate-logs --verbose`, by kind. */
export function validateVerdicts(output: string): { digests: Map<string, string>; logs: Map<string, string> } {
  const digests = new Map<string, string>();
  const logs = new Map<string, string>();
  for (const line of output.split('\n')) {
    const [kind, uri, verdict] = line.split('\t');
    if (kind === 'Digest file' && uri) digests.set(uri, verdict);
    if (kind === 'Log file' && uri) logs.set(uri, verdict);
  }
  return { digests, logs };
}
