/**
 * What the bench's AWS processes share: a private AWS config for the sandbox (path-style S3, its region, the admin's
 * keys in the environment) so nobody's ~/.aws is read or written, and a way to run a process and time it.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SandboxProcessInfo } from './sandboxProcess';

export function awsEnvironment(info: SandboxProcessInfo, dir: string): NodeJS.ProcessEnv {
  const config = join(dir, 'config');
  writeFileSync(config, `[default]\nregion = ${info.region}\ns3 =\n  addressing_style = path\n`);
  writeFileSync(join(dir, 'credentials'), '');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AWS_CONFIG_FILE: config,
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
    AWS_ENDPOINT_URL: info.endpoint,
    AWS_ACCESS_KEY_ID: info.admin.accessKeyId,
    AWS_SECRET_ACCESS_KEY: info.admin.secretAccessKey,
    AWS_REGION: info.region,
    AWS_DEFAULT_REGION: info.region,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
  };
  delete env.AWS_PROFILE;
  delete env.AWS_SESSION_TOKEN;
  return env;
}

export interface TimedProcess {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end (stdout and stderr kept, up to `maxBytes` each) and times it from spawn to exit. */
export function timeProcess(command: string, args: string[], env: NodeJS.ProcessEnv, maxBytes = 64 * 1024 * 1024): Promise<TimedProcess> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      if ((outBytes += chunk.length) <= maxBytes) out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if ((errBytes += chunk.length) <= maxBytes) err.push(chunk);
    });
    child.once('error', reject);
    child.once('close', (code) => {
      resolve({ ms: performance.now() - start, code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() });
    });
  });
}
