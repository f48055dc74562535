import assert from 'node:assert/strict';
import { createSign, generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  digestFields,
  digestStringToSign,
  loadPublicKey,
  parseDigestJson,
  publicKeyFingerprint,
  readDigest,
  verifyDigest,
  verifyDigestSignature,
  type SignedDigest,
} from '../../src/core/integrity/digestFile';

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pkcs1 = publicKey.export({ format: 'der', type: 'pkcs1' });
const spki = publicKey.export({ format: 'der', type: 'spki' });

function signedDigest(fields: Record<string, unknown> = {}, o: { bucket?: string; key?: string; sign?: boolean } = {}): SignedDigest {
  const bucket = o.bucket ?? 'b';
  const key = o.key ?? 'AWSLogs/1/CloudTrail-Digest/r/2026/11/24/d.json.gz';
  const doc = {
    awsAccountId: '111122223333',
    digestStartTime: '2026-11-24T00:00:00Z',
    digestEndTime: '2026-11-24T01:00:00Z',
    digestS3Bucket: bucket,
    digestS3Object: key,
    digestPublicKeyFingerprint: publicKeyFingerprint(pkcs1),
    digestSignatureAlgorithm: 'SHA256withRSA',
    previousDigestSignature: null,
    previousDigestS3Bucket: null,
    previousDigestS3Object: null,
    logFiles: [{ s3Bucket: bucket, s3Object: 'log.json.gz', hashValue: 'ab', hashAlgorithm: 'SHA-256' }],
    ...fields,
  };
  const inflated = Buffer.from(JSON.stringify(doc), 'utf8');
  const toSign = digestStringToSign(doc as never, inflated);
  const signature = createSign('RSA-SHA256').update(toSign, 'utf8').sign(privateKey).toString('hex');
  return { bucket, key, inflated, ...(o.sign === false ? {} : { signature, signatureAlgorithm: 'SHA256withRSA' }) };
}

function check(fetched: SignedDigest, der: Uint8Array | undefined = pkcs1): void {
  verifyDigest(fetched, readDigest(fetched), der, 'us-west-2');
}

describe('digest files', () => {
  it('string to sign: the aws-cli test vector', () => {
    const text = digestStringToSign(
      { digestEndTime: 'a', digestS3Bucket: 'b', digestS3Object: 'c', previousDigestSignature: null },
      Buffer.from('abc'),
    );
    assert.equal(text, 'a\nb/c\nba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\nnull');
    const chained = digestStringToSign(
      { digestEndTime: 'a', digestS3Bucket: 'b', digestS3Object: 'c', previousDigestSignature: 'ff00' },
      Buffer.from('abc'),
    );
    assert.ok(chained.endsWith('\nff00'));
  });

  it('a correctly signed digest verifies with the PKCS#1 and the SPKI encoding of the key', () => {
    check(signedDigest());
    check(signedDigest(), spki);
  });

  it('the fingerprint is the hex MD5 of the DER key', () => {
    assert.match(publicKeyFingerprint(pkcs1), /^[0-9a-f]{32}$/);
    assert.notEqual(publicKeyFingerprint(pkcs1), publicKeyFingerprint(spki));
  });

  it('a changed byte, a wrong signature or a malformed signature fails verification', () => {
    const good = signedDigest();
    const tampered = { ...good, inflated: Buffer.from(Buffer.from(good.inflated).toString().replace('"ab"', '"ac"')) };
    assert.throws(() => check(tampered), { name: 'DigestInvalid', message: 'signature verification failed' });
    const flipped = { ...good, signature: `${good.signature?.slice(0, -2)}${good.signature?.endsWith('00') ? '01' : '00'}` };
    assert.throws(() => check(flipped), { message: 'signature verification failed' });
    assert.equal(verifyDigestSignature(loadPublicKey(pkcs1), 'x', 'zz'), false);
    assert.equal(verifyDigestSignature(loadPublicKey(pkcs1), 'x', ''), false);
  });

  it('a digest without signature metadata fails as the aws CLI says', () => {
    assert.throws(() => check(signedDigest({}, { sign: false })), { message: 'signature verification failed' });
  });

  it('a digest found somewhere else than it was delivered to "has been moved from its original location"', () => {
    const moved = { ...signedDigest(), key: 'elsewhere/d.json.gz' };
    assert.throws(() => check(moved), { message: 'has been moved from its original location' });
    assert.throws(() => check({ ...signedDigest(), bucket: 'other' }), { message: 'has been moved from its original location' });
  });

  it('missing required fields or non-JSON: invalid format', () => {
    for (const field of [
      'digestPublicKeyFingerprint',
      'digestS3Bucket',
      'digestS3Object',
      'previousDigestSignature',
      'digestEndTime',
      'digestStartTime',
    ]) {
      const doc = parseDigestJson(signedDigest().inflated);
      delete doc[field];
      assert.throws(() => digestFields(doc), { name: 'DigestInvalid', message: 'invalid format' }, field);
    }
    const fields = digestFields(parseDigestJson(signedDigest().inflated));
    assert.equal(fields.logFiles[0].hashValue, 'ab');
    assert.throws(() => parseDigestJson(Buffer.from('{not json')), { message: 'invalid format' });
    assert.throws(() => parseDigestJson(Buffer.from('[1]')), { message: 'invalid format' });
  });

  it('an unknown fingerprint: "public key not found in region …"; a key that is not RSA DER: "Unable to load PKCS #1 key"', () => {
    assert.throws(
      () => {
        const d = signedDigest();
        verifyDigest(d, readDigest(d), undefined, 'us-west-2');
      },
      { message: `public key not found in region us-west-2 for fingerprint ${publicKeyFingerprint(pkcs1)}` },
    );
    assert.throws(() => check(signedDigest(), Buffer.from('not a key')), {
      message: `Unable to load PKCS #1 key with fingerprint ${publicKeyFingerprint(pkcs1)}`,
    });
  });

  it('a backfill digest without backfill-generation-timestamp metadata: invalid format', () => {
    const key = 'AWSLogs/1/CloudTrail-Digest/r/2026/11/24/d_20261124T010000Z_backfill.json.gz';
    assert.throws(() => check(signedDigest({}, { key })), { message: 'invalid format' });
    check({ ...signedDigest({}, { key }), backfillGenerationTimestamp: '2026-11-24T00:00:00.000Z' });
  });
});
