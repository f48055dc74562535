/**
 * Shared by the AWS-layer and CLI integration tests: free ports, a moto server per test file (../moto/server.ts),
 * temporary AWS profile files, and running the CLI (spawned `node dist/cli.js`, or in-process `main()`).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { main } from '../../src/cli';

// The SDK's Node 22 notice would land in every test's stderr.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export const REPO = resolve(__dirname, '..', '..', '..');
export const CLI = join(REPO, 'dist', 'cli.js');

export { freePort, startMoto, type Moto } from '../moto/server';

export interface Profiles {
  dir: string;
  /** Environment that points the SDK (and the aws CLI) at the temporary files, without any other AWS variables. */
  env: Record<string, string>;
  cleanup(): void;
}

/** Writes ~/.aws-like config and credentials files for the given profiles into a temp dir. */
export function writeProfiles(
  profiles: Record<string, { accessKeyId: string; secretAccessKey: string; region: string; endpointUrl?: string }>,
): Profiles {
  const dir = mkdtempSync(join(tmpdir(), 'ctk-aws-'));
  let config = '';
  let credentials = '';
  for (const [name, profile] of Object.entries(profiles)) {
    config += `[profile ${name}]\nregion = ${profile.region}\n${profile.endpointUrl ? `endpoint_url = ${profile.endpointUrl}\n` : ''}s3 =\n  addressing_style = path\n\n`;
    credentials += `[${name}]\naws_access_key_id = ${profile.accessKeyId}\naws_secret_access_key = ${profile.secretAccessKey}\n\n`;
  }
  writeFileSync(join(dir, 'config'), config);
  writeFileSync(join(dir, 'credentials'), credentials);
  const env = { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') };
  return { dir, env, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The process environment without AWS variables (so the host's settings never leak into a test), plus `extra`. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined && !name.startsWith('AWS_')) env[name] = value;
  return { ...env, ...extra };
}

/** Puts `env` into this process's environment (for in-process SDK use), removing other AWS variables. */
export function useEnv(env: Record<string, string>): void {
  for (const name of Object.keys(process.env)) if (name.startsWith('AWS_')) delete process.env[name];
  Object.assign(process.env, env);
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns the bundled CLI (run `npm run build` first). */
export function runCli(args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<CliResult> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first`);
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', fail);
    child.once('close', (code) => {
      clearTimeout(timer);
      ok({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

/** Runs `main()` in this process with captured output. */
export async function runMain(args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: {
      write: (text: string) => {
        stdout += text;
      },
    },
    stderr: {
      write: (text: string) => {
        stderr += text;
      },
    },
  });
  return { code, stdout, stderr };
}

/** A small CloudTrail log document with `count` records; `eventID`s are numbered so tests can compare records. */
export function makeLogDocument(account: string, region: string, count: number, extra: Record<string, unknown> = {}): string {
  const records = Array.from({ length: count }, (_, index) => ({
    eventVersion: '1.11',
    userIdentity: { type: 'AWSService', invokedBy: 'cloudtrail.amazonaws.com' },
    eventTime: `2026-11-27T10:${String(index % 60).padStart(2, '0')}:00Z`,
    eventSource: 'kms.amazonaws.com',
    eventName: 'GenerateDataKey',
    awsRegion: region,
    sourceIPAddress: 'cloudtrail.amazonaws.com',
    userAgent: 'cloudtrail.amazonaws.com',
    requestParameters: {
      keySpec: 'AES_256',
      encryptionContext: { 'aws:cloudtrail:arn': `arn:aws:cloudtrail:${region}:${account}:trail/management` },
    },
    responseElements: null,
    eventID: `00000000-0000-0000-0000-${String(index).padStart(12, '0')}`,
    readOnly: true,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: account,
    eventCategory: 'Management',
    ...extra,
  }));
  return JSON.stringify({ Records: records });
}

export function gzipText(text: string): Buffer {
  return gzipSync(Buffer.from(text, 'utf8'));
}
