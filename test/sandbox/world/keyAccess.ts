/**
 * Key-policy truth: for every principal × symmetric key of the world, what a decrypt gets — directly (KMS Decrypt of a
 * probe ciphertext) and through S3 (GetObject of an object under the key) — computed with the very decisions the
 * services enforce (iam/decisions.ts). A test compares a key-policy checker's verdict with this, and with the real call.
 */
import { kmsDecision, kmsViaS3Decision, s3Decision } from '../iam/decisions';
import type { AccessDecision } from '../iam/authorize';
import type { KmsKey } from '../kms/keys';
import { PRINCIPALS, type SandboxPrincipal } from '../principals';
import type { Prng } from '../prng';
import type { SandboxState } from '../state';
import type { KeyAccessCase, KeyProbe, PrincipalName, SeededWorld } from '../types';

export interface ProbeSpec {
  key: KmsKey;
  alias?: string;
  /** The trail whose logs the key encrypts (its ARN goes into the probe's encryption context). */
  trailArn?: string;
  /** An SSE-KMS object under the key. */
  object?: { bucket: string; key: string };
}

/**
 * The keys to probe: the default world's trail keys (with a log under each) and AWS managed keys, the organization's
 * trail keys (a member's log), the search world's trail key and payments key.
 */
export function probeSpecs(state: SandboxState, world: SeededWorld): ProbeSpec[] {
  const key = (id: string) => state.keys.keys.get(id)!;
  const management = world.trails.management.arn;
  const bucket = world.buckets.logs.name;
  const specs: ProbeSpec[] = [
    {
      key: key(world.keys.healthy.keyId),
      alias: world.keys.healthy.alias,
      trailArn: management,
      object: { bucket, key: world.logKeys[world.regions[0]][world.days[0]][0] },
    },
    {
      key: key(world.keys.disabled.keyId),
      alias: world.keys.disabled.alias,
      trailArn: management,
      object: { bucket, key: world.objects.disabledKeyLog },
    },
    {
      key: key(world.keys.pendingDeletion.keyId),
      alias: world.keys.pendingDeletion.alias,
      trailArn: management,
      object: { bucket, key: world.objects.pendingDeletionKeyLog },
    },
  ];
  for (const managed of state.keys.aliases.filter((a) => a.accountId === world.accountId && a.aliasName.startsWith('alias/aws/'))) {
    specs.push({ key: key(managed.targetKeyId), alias: managed.aliasName });
  }
  const org = world.organization;
  for (const t of Object.values(org?.trails ?? {})) {
    const log = Object.values(t.logKeys[org!.memberAccountIds[0]][t.homeRegion]).flat()[0];
    specs.push({ key: key(t.key.keyId), alias: t.key.alias, trailArn: t.arn, object: { bucket: t.bucket, key: log } });
  }
  const s = world.search;
  if (s) {
    specs.push({
      key: key(s.key.keyId),
      alias: s.key.alias,
      trailArn: s.trail.arn,
      object: { bucket: s.trail.bucket, key: s.logKeys[s.trail.homeRegion][s.days[0]][0] },
    });
    specs.push({ key: key(s.planted.roleDecrypts.keyArn.split('/').pop()!), alias: s.planted.roleDecrypts.keyAlias });
  }
  return specs;
}

export function keyProbes(state: SandboxState, rng: Prng, specs: ProbeSpec[]): KeyProbe[] {
  return specs.map((spec) => {
    const context: Record<string, string> = spec.trailArn ? { 'aws:cloudtrail:arn': spec.trailArn } : {};
    const blob = state.keys.encryptSymmetric(spec.key, Buffer.from('key-access probe'), context, rng.bytes(12));
    return {
      keyArn: spec.key.arn,
      keyId: spec.key.keyId,
      ...(spec.alias ? { alias: spec.alias } : {}),
      accountId: spec.key.accountId,
      region: spec.key.region,
      ...(spec.trailArn ? { trailArn: spec.trailArn } : {}),
      ciphertextBase64: blob.toString('base64'),
      encryptionContext: context,
      ...(spec.object ? { object: spec.object } : {}),
    };
  });
}

/** Every principal × probe × path (kms, and s3 where the probe has an object). */
export function keyAccessMatrix(state: SandboxState, probes: KeyProbe[]): KeyAccessCase[] {
  const cases: KeyAccessCase[] = [];
  for (const principal of Object.values(PRINCIPALS)) {
    for (const probe of probes) {
      const key = state.keys.keys.get(probe.keyId)!;
      cases.push(direct(principal, probe, key));
      if (probe.object) cases.push(throughS3(state, principal, probe, key));
    }
  }
  return cases;
}

function base(principal: SandboxPrincipal, probe: KeyProbe, via: 'kms' | 's3') {
  return {
    principal: principal.name as PrincipalName,
    principalArn: principal.arn,
    principalAccount: principal.accountId,
    keyArn: probe.keyArn,
    via,
  };
}

function refused(decision: Exclude<AccessDecision, { allowed: true }>, code: string, status: number, by?: KeyAccessCase['refusedBy']) {
  return {
    decrypt: 'denied' as const,
    refusedBy: by ?? (decision.deniedBy === 'resource policy' ? ('key policy' as const) : ('IAM policy' as const)),
    explicitDeny: decision.explicit,
    error: { code, status, message: decision.message },
  };
}

function keyState(key: KmsKey, prefix: string): KeyAccessCase['error'] | undefined {
  if (key.state === 'Disabled') return { code: `${prefix}DisabledException`, status: 400, message: `${key.arn} is disabled.` };
  if (key.state === 'PendingDeletion') {
    return { code: `${prefix}KMSInvalidStateException`, status: 400, message: `${key.arn} is pending deletion.` };
  }
  return undefined;
}

/** KMS Decrypt of the probe ciphertext by the principal, in the key's region. */
function direct(principal: SandboxPrincipal, probe: KeyProbe, key: KmsKey): KeyAccessCase {
  const decision = kmsDecision(principal, 'Decrypt', key, { encryptionContext: probe.encryptionContext });
  if (!decision.allowed) return { ...base(principal, probe, 'kms'), ...refused(decision, 'AccessDeniedException', 400) };
  const state = keyState(key, '');
  if (state) return { ...base(principal, probe, 'kms'), decrypt: 'denied', refusedBy: 'key state', explicitDeny: false, error: state };
  return { ...base(principal, probe, 'kms'), decrypt: 'allowed' };
}

/** GetObject of the probe object: S3's own check, then the Decrypt S3 makes for the principal. */
function throughS3(state: SandboxState, principal: SandboxPrincipal, probe: KeyProbe, key: KmsKey): KeyAccessCase {
  const { bucket, key: objectKey } = probe.object!;
  const head = base(principal, probe, 's3');
  const s3 = s3Decision(principal, 's3:GetObject', `arn:aws:s3:::${bucket}/${objectKey}`, state.buckets.get(bucket));
  if (!s3.allowed) return { ...head, ...refused(s3, 'AccessDenied', 403, 'S3') };
  const object = state.buckets.get(bucket)!.objects.get(objectKey)!;
  const context = object.encryption.kind === 'aws:kms' ? object.encryption.context : {};
  const kms = kmsViaS3Decision(principal, 'Decrypt', key, context);
  if (!kms.allowed) return { ...head, ...refused(kms, 'AccessDenied', 403) };
  const keyError = keyState(key, 'KMS.');
  if (keyError) return { ...head, decrypt: 'denied', refusedBy: 'key state', explicitDeny: false, error: keyError };
  return { ...head, decrypt: 'allowed' };
}
