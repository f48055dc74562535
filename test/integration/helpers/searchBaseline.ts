/**
 * The independent baseline for Find Events on the sandbox's search world: the real `aws s3 cp --recursive` of the
 * trail's log folders, then gunzip and a Python filter — what a person without this tool does. Used by the search
 * world's own test (the planted sets are right) and by the search engine's tests (the engine finds the same sets).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Sandbox } from '../../sandbox/index';
import type { AwsCli, CliResult } from './sandboxAwsCli';

// Reads every *.json.gz under a folder (skipping what does not gunzip or parse) and prints the event ids per query.
const FILTER = String.raw`
import gzip, json, os, sys
base, q = sys.argv[1], json.loads(sys.argv[2])
found = {k: [] for k in ['role', 'failed', 'exact', 'prefix', 'inside', 'outside']}
unreadable = []
for folder, _, names in os.walk(os.path.join(base, 'AWSLogs')):
    for name in names:
        path = os.path.join(folder, name)
        try:
            records = json.loads(gzip.open(path).read())['Records']
        except Exception:
            unreadable.append(os.path.relpath(path, base)); continue
        for r in records:
            who = r.get('userIdentity') or {}
            issuer = ((who.get('sessionContext') or {}).get('sessionIssuer') or {}).get('arn')
            arns = [x.get('ARN') for x in r.get('resources') or []]
            ctx = ((r.get('requestParameters') or {}).get('encryptionContext') or {}).get(q['ctxKey'])
            if r['eventName'] == 'Decrypt' and issuer == q['role'] and q['key'] in arns: found['role'].append(r['eventID'])
            if 'errorCode' in r: found['failed'].append(r['eventID'])
            if ctx == q['exact']: found['exact'].append(r['eventID'])
            if isinstance(ctx, str) and ctx.startswith(q['prefix']): found['prefix'].append(r['eventID'])
            if who.get('arn') == q['probe']:
                found['inside' if q['from'] <= r['eventTime'] < q['to'] else 'outside'].append(r['eventID'])
print(json.dumps({'found': found, 'unreadable': sorted(unreadable)}))
`;

export type BaselineSet = 'role' | 'failed' | 'exact' | 'prefix' | 'inside' | 'outside';

export interface SearchBaseline {
  /** The `aws s3 cp --recursive` run (it exits 1: the object under the disabled key cannot be copied). */
  copy: CliResult;
  /** Event ids per planted question, as the Python filter found them. */
  found: Record<BaselineSet, string[]>;
  /** Copied files that did not gunzip or parse (relative to `dir`). */
  unreadable: string[];
}

/** Copies the search world's `AWSLogs/` into `dir` with the aws CLI (as `cli`'s principal) and filters it with Python. */
export async function searchWorldBaseline(sandbox: Sandbox, cli: AwsCli, dir: string): Promise<SearchBaseline> {
  const search = sandbox.world.search;
  if (!search) throw new Error('the sandbox has no search world: start it with { world: { search: true } }');
  const copy = await cli.run([
    's3',
    'cp',
    '--recursive',
    '--only-show-errors',
    `s3://${search.trail.bucket}/AWSLogs/`,
    join(dir, 'AWSLogs'),
  ]);
  const p = search.planted;
  const query = {
    role: p.roleDecrypts.roleArn,
    key: p.roleDecrypts.keyArn,
    ctxKey: p.encryptionContext.key,
    exact: p.encryptionContext.exactValue,
    prefix: p.encryptionContext.prefix,
    probe: p.boundary.principalArn,
    from: p.boundary.from,
    to: p.boundary.to,
  };
  const out = JSON.parse(execFileSync('python3', ['-c', FILTER, dir, JSON.stringify(query)], { encoding: 'utf8' })) as {
    found: Record<BaselineSet, string[]>;
    unreadable: string[];
  };
  return { copy, ...out };
}
