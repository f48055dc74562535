// Issue 12, items 2, 3 and 7 (last bullet): hover Markdown is bounded, shows no theme icon from log text, and links
// only what the click handler would follow.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explain, outline } from '../../../src/core/explain';
import { explanationMarkdownText, linkMarkdown, MAX_HOVER_MARKDOWN, sseMarkdownText } from '../../../src/core/explain/hoverMarkdown';
import {
  checkedTarget,
  kmsKeyTarget,
  s3ObjectTarget,
  s3PrefixTarget,
  trailTarget,
  findEventsTarget,
} from '../../../src/core/explain/linkTargets';
import { measure } from '../../hostile/workMeter';

const COMMANDS = {
  openLog: 'cloudtrailKms.openLog',
  revealTrail: 'cloudtrailKms.revealTrail',
  revealKey: 'cloudtrailKms.revealKey',
  revealS3Prefix: 'cloudtrailKms.revealS3Prefix',
  findEventsFromLink: 'cloudtrailKms.findEventsFromLink',
};
const VALIDATOR: Record<string, (arg: unknown) => unknown> = {
  [COMMANDS.openLog]: s3ObjectTarget,
  [COMMANDS.revealTrail]: trailTarget,
  [COMMANDS.revealKey]: kmsKeyTarget,
  [COMMANDS.revealS3Prefix]: s3PrefixTarget,
  [COMMANDS.findEventsFromLink]: findEventsTarget,
};

function kmsRecord(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    eventVersion: '1.08',
    userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/alice', accountId: '111122223333', userName: 'alice' },
    eventTime: '2026-11-26T01:00:00Z',
    eventSource: 'kms.amazonaws.com',
    eventName: 'Decrypt',
    awsRegion: 'us-west-2',
    userAgent: 'aws-cli/2',
    requestParameters: { encryptionContext: { 'aws:s3:arn': 'arn:aws:s3:::bucket-1/AWSLogs/111122223333/CloudTrail/x.json.gz' } },
    ...fields,
  };
}

/** Every hover of a document: the Markdown at each key and value start. */
function hovers(text: string): string[] {
  const out: string[] = [];
  for (let offset = 0; offset < text.length; offset++) {
    if (text[offset] !== '"') continue;
    const explanation = explain(text, offset + 1);
    if (explanation) out.push(explanationMarkdownText(explanation, COMMANDS));
  }
  return out;
}

function commandLinks(markdown: string): { command: string; args: unknown[] }[] {
  return [...markdown.matchAll(/\]\((command:[A-Za-z0-9_.]+)\?([^)\s"]+)/g)].map((m) => ({
    command: m[1].slice('command:'.length),
    args: JSON.parse(decodeURIComponent(m[2])) as unknown[],
  }));
}

test('a 50 KB value gives a bounded hover that says what it left out (it gave 300,000 characters)', () => {
  const value = 'x.'.repeat(25_000);
  const text = JSON.stringify({ Records: [kmsRecord({ userAgent: value, errorCode: value })] }, null, 2);
  for (const markdown of hovers(text)) assert.ok(markdown.length < 12_000, `${markdown.length} characters`);
  const onValue = explainationAt(text, text.indexOf(value, text.indexOf('"errorCode"')));
  assert.match(onValue, /more characters\\\)/);
});

function explainationAt(text: string, offset: number): string {
  const explanation = explain(text, offset);
  assert.ok(explanation, `nothing at ${offset}`);
  return explanationMarkdownText(explanation, COMMANDS);
}

test('a 20 MB value of Markdown punctuation: the hover is built from a bounded text, with work linear in the record', () => {
  const value = '.['.repeat(10 * 1024 * 1024);
  const text = `{"Records":[${JSON.stringify(kmsRecord({ errorCode: value }))}]}`;
  const { result, work } = measure(() => explanationMarkdownText(explain(text, text.indexOf('"errorCode"') + 1)!, COMMANDS));
  assert.ok(result.length <= MAX_HOVER_MARKDOWN, `${result.length}`);
  assert.ok(work < 20 * text.length, `${work} characters examined`);
  const outlined = outline(`{"Records":[${JSON.stringify(kmsRecord({ eventName: value }))}]}`);
  assert.ok(
    outlined[0].label.length < 600 && /… \(20,971,320 more characters\) IAM user alice$/.test(outlined[0].label),
    outlined[0].label.slice(-80),
  );
});

test('$(verified) in a user name never reaches the Markdown as $( — not in text, link text, headings or code', () => {
  const spoof = '$(verified) alice $(pass-filled)';
  const text = JSON.stringify(
    {
      Records: [
        kmsRecord({
          userIdentity: { type: 'IAMUser', arn: `arn:aws:iam::111122223333:user/${spoof}`, userName: spoof, accountId: '111122223333' },
          errorCode: spoof,
          requestParameters: {
            keyId: `alias/${spoof}`,
            encryptionContext: { [spoof]: spoof, 'aws:s3:arn': `arn:aws:s3:::bucket-1/${spoof}.json.gz` },
          },
        }),
      ],
    },
    null,
    2,
  );
  const all = hovers(text);
  assert.ok(all.length > 10);
  for (const markdown of all) assert.ok(!/\$\s*\\?\(/.test(markdown), markdown);
  assert.ok(
    all.some((markdown) => markdown.includes('&#36;\\(verified\\)')),
    'the value is still shown, as text',
  );
  const sse = sseMarkdownText({ algorithm: 'aws:kms', kmsKeyId: 'arn:aws:kms:us-west-2:111122223333:key/$(verified)' });
  assert.ok(!sse.includes('$'), sse);
});

test('hover links are exactly those the click handler accepts; refused targets are not shown', () => {
  const longKey = `AWSLogs/${'k'.repeat(1100)}.json.gz`;
  const text = JSON.stringify(
    {
      Records: [
        kmsRecord({
          requestParameters: {
            keyId: 'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
            encryptionContext: {
              'aws:cloudtrail:arn': 'arn:aws:cloudtrail:not-a-region:111122223333:trail/t',
              'aws:s3:arn': `arn:aws:s3:::bucket-1/${longKey}`,
            },
          },
          resources: [{ ARN: 'arn:aws:cloudtrail:us-west-2:111122223333:trail/good', type: 'AWS::CloudTrail::Trail' }],
        }),
      ],
    },
    null,
    2,
  );
  let links = 0;
  for (const markdown of hovers(text)) {
    for (const link of commandLinks(markdown)) {
      links++;
      const validate = VALIDATOR[link.command];
      assert.ok(validate, `a link to ${link.command}`);
      assert.doesNotThrow(() => validate(link.args[0]), `${link.command} refuses ${JSON.stringify(link.args)}`);
      if (link.command !== COMMANDS.findEventsFromLink) assert.doesNotThrow(() => checkedTarget(link.args[0]));
    }
    assert.ok(!markdown.includes('not-a-region'.replace(/-/g, '\\-') + ':111122223333:trail/t)'));
    assert.ok(!/Open and decrypt k{10}/.test(markdown), 'a link to a key the handler refuses (over 1,024 characters)');
  }
  assert.ok(links > 0, 'the valid key and trail links are there');
  assert.equal(linkMarkdown({ kind: 'trail', arn: 'arn:aws:cloudtrail:us-west-2:12:trail/t' }, COMMANDS), undefined);
  assert.equal(linkMarkdown({ kind: 's3Object', bucket: 'bucket-1', key: longKey }, COMMANDS), undefined);
  assert.ok(linkMarkdown({ kind: 'trail', arn: 'arn:aws:cloudtrail:us-west-2:111122223333:trail/t' }, COMMANDS));
});
