/** Issue 13 classes 6 and 7: doc links of this event's operation; the story once where it matters, no KMS remarks elsewhere, short hovers. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explain, explainEveryKey } from '../../../src/core/explain';
import { inside, realFile, realFiles } from './realEvents';

function docUrls(text: string, offset: number): string[] {
  return (explain(text, offset)?.links ?? []).flatMap((l) => (l.kind === 'doc' ? [l.url] : []));
}

test('keyId links the API page of this operation and its ct- page in the KMS guide', () => {
  const last = realFile('kms-developer-guide/ct-getkeylastusage.json');
  const urls = docUrls(last, inside(last, '"keyId"'));
  assert.ok(urls.includes('https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyLastUsage.html'), urls.join('\n'));
  assert.ok(urls.includes('https://docs.aws.amazon.com/kms/latest/developerguide/ct-getkeylastusage.html'), urls.join('\n'));
  assert.ok(!urls.some((u) => u.endsWith('API_GenerateDataKey.html')), urls.join('\n'));
  const decrypt = realFile('kms-developer-guide/ct-decrypt-key-material.json');
  const decryptUrls = docUrls(decrypt, inside(decrypt, '"keyId"'));
  assert.ok(decryptUrls.includes('https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html'), decryptUrls.join('\n'));
  assert.ok(decryptUrls.includes('https://docs.aws.amazon.com/kms/latest/developerguide/ct-decrypt.html'), decryptUrls.join('\n'));
});

test('the story appears on the record headline and KMS-relevant fields, not under every top-level key', () => {
  const text = realFile('kms-developer-guide/services-dynamodb-decrypt.json');
  for (const key of [
    '"accessKeyId"',
    '"mfaAuthenticated"',
    '"sessionIssuer"',
    '"userAgent"',
    '"readOnly"',
    '"requestID"',
    '"responseElements"',
  ]) {
    const hover = explain(text, inside(text, key));
    assert.ok(hover, key);
    assert.ok(!hover.sections.some((s) => s.heading === 'What happened'), `${key} repeats the story`);
  }
  for (const key of ['"eventName"', '"encryptionContext"', '"aws:dynamodb:tableName"', '"ARN"']) {
    assert.ok(
      explain(text, inside(text, key))?.sections.some((s) => s.heading === 'What happened'),
      `${key} lacks the story`,
    );
  }
});

test('no KMS remarks in the hovers of non-KMS events', () => {
  for (const file of realFiles()) {
    if (file.text.includes('"kms.amazonaws.com"')) continue;
    for (let offset = 0; offset < file.text.length; offset += 3) {
      const hover = explain(file.text, offset);
      if (!hover) continue;
      const body = hover.sections.map((s) => s.text).join(' ');
      assert.doesNotMatch(body, /\bKMS\b/, `${file.name} ${hover.path.join('.')}: ${body}`);
    }
  }
});

test('hovers stay short: at most 6 sections and 1,400 characters of text on every key and value of the real events', () => {
  let longest = 0;
  for (const file of realFiles()) {
    for (const entry of explainEveryKey(file.text)) {
      for (const offset of [entry.offset + 1]) {
        const hover = explain(file.text, offset);
        if (!hover) continue;
        const size = hover.sections.reduce((n, s) => n + s.text.length + (s.heading?.length ?? 0), 0);
        longest = Math.max(longest, size);
        assert.ok(hover.sections.length <= 6, `${file.name} ${hover.path.join('.')}: ${hover.sections.length} sections`);
        assert.ok(size <= 1400, `${file.name} ${hover.path.join('.')}: ${size} characters`);
      }
    }
  }
  assert.ok(longest > 200, `suspiciously short: ${longest}`);
});

test('the type line is short: "<type>, since eventVersion <v>"', () => {
  const text = realFile('kms-developer-guide/ct-getkeylastusage.json');
  const field = explain(text, inside(text, '"eventType"'))?.sections.find((s) => s.heading === 'Type');
  assert.equal(field?.text, 'string, since eventVersion 1.02');
});
