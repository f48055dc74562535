// Issue 12, the hostile-input suite: a deterministic mutation fuzzer over the corpus through the pure entry points the
// editor and the CLI use on log text — record index (parse), outline, explain at many offsets, the hover Markdown,
// document links — asserting no throw, work linear in the document (counted, not timed), bounded output, and that no
// log value becomes a link, a command, an icon or HTML.
// CLOUDTRAIL_KMS_FUZZ_DOCS (default 10,000) and CLOUDTRAIL_KMS_FUZZ_SEED (default 12) change the run; a failure names
// the seed and document number that reproduce it.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildRecordIndex, explain, looksLikeCloudTrail, outline } from '../../../src/core/explain';
import { explanationMarkdownText, MAX_HOVER_MARKDOWN, type HoverCommands } from '../../../src/core/explain/hoverMarkdown';
import {
  checkedTarget,
  findLinkTargets,
  kmsKeyTarget,
  s3ObjectTarget,
  s3PrefixTarget,
  trailTarget,
  findEventsTarget,
} from '../../../src/core/explain/linkTargets';
import { parseIni, profileSettings } from '../../../src/core/awsConfig/awsConfigFile';
import { digestFields, DigestInvalid, parseDigestJson } from '../../../src/core/integrity/digestFile';
import { CORPUS } from '../../corpusPath';
import { corpusTexts, mutatedDocument, prng } from '../../hostile/mutator';
import { measure } from '../../hostile/workMeter';

const DOCS = Number(process.env.CLOUDTRAIL_KMS_FUZZ_DOCS ?? 10_000);
const SEED = Number(process.env.CLOUDTRAIL_KMS_FUZZ_SEED ?? 12);
/** Explain calls per document at random offsets (plus the first three keys). */
const OFFSETS = 3;
/** Every how many documents the work is counted too. */
const METERED_EVERY = 20;
/** Characters the built-ins may examine per character of the document, for the whole pipeline of one document. */
const WORK_PER_CHAR = 1_000;
const WORK_FLOOR = 200_000;

const COMMANDS: HoverCommands = {
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

/** Every Markdown link target in `markdown` must be one of ours with arguments the click handler accepts, or AWS docs. */
function checkMarkdown(markdown: string, where: string): void {
  assert.ok(markdown.length <= MAX_HOVER_MARKDOWN + 200, `${where}: ${markdown.length} characters of Markdown`);
  assert.ok(!/\$\\?\(/.test(markdown), `${where}: a theme icon can form: ${markdown.slice(0, 300)}`);
  for (let at = markdown.indexOf('<'); at !== -1; at = markdown.indexOf('<', at + 1))
    assert.equal(markdown[at - 1], '\\', `${where}: unescaped < (HTML) at ${at}`);
  for (let at = markdown.indexOf(']('); at !== -1; at = markdown.indexOf('](', at + 1)) {
    if (markdown[at - 1] === '\\') continue;
    const end = markdown.indexOf(')', at);
    const target = markdown.slice(at + 2, end === -1 ? undefined : end).split(' ')[0];
    if (target.startsWith('https://docs.aws.amazon.com/')) continue;
    assert.ok(target.startsWith('command:'), `${where}: a link to ${target.slice(0, 200)}`);
    const query = target.indexOf('?');
    const command = target.slice('command:'.length, query);
    const validate = VALIDATOR[command];
    assert.ok(validate, `${where}: a link to command ${command}`);
    const args = JSON.parse(decodeURIComponent(target.slice(query + 1))) as unknown[];
    assert.doesNotThrow(() => validate(args[0]), `${where}: ${command} refuses ${JSON.stringify(args).slice(0, 300)}`);
    if (command !== COMMANDS.findEventsFromLink) assert.doesNotThrow(() => checkedTarget(args[0]));
  }
}

interface PipelineOutput {
  labels: string[];
  links: unknown[];
  hovers: { offset: number; markdown: string }[];
}

/** The whole pipeline on one document, as the editor runs it (index once, then outline, links and hovers). */
function pipeline(text: string, offsets: number[]): PipelineOutput {
  const index = buildRecordIndex(text);
  looksLikeCloudTrail(text.slice(0, 16 * 1024));
  const labels = outline(text, index).map((entry) => entry.label);
  const links = findLinkTargets(text).map((found) => found.target);
  const hovers: PipelineOutput['hovers'] = [];
  for (const offset of offsets) {
    const explanation = explain(text, offset, index);
    if (explanation) hovers.push({ offset, markdown: explanationMarkdownText(explanation, COMMANDS, DECRYPTED_BY) });
  }
  return { labels, links, hovers };
}

const DECRYPTED_BY = { algorithm: 'aws:kms', kmsKeyId: 'arn:aws:kms:us-west-2:111122223333:key/$(x)' };

function offsetsFor(text: string, random: () => number): number[] {
  const offsets: number[] = [];
  for (let i = 0; i < OFFSETS; i++) offsets.push(Math.floor(random() * text.length));
  for (let at = text.indexOf('"'), n = 0; at !== -1 && n < 3; at = text.indexOf('"', at + 1), n++) offsets.push(at + 1);
  return offsets;
}

function run(text: string, offsets: number[], where: string): PipelineOutput {
  try {
    return pipeline(text, offsets);
  } catch (error) {
    assert.fail(`${where} (${text.length} characters) threw ${(error as Error)?.stack ?? String(error)}`);
  }
}

function check(text: string, output: PipelineOutput, where: string): void {
  let size = 0;
  for (const label of output.labels) {
    assert.ok(label.length < 1_000, `${where}: an outline label of ${label.length} characters`);
    assert.ok(!label.includes('[native code]'), `${where}: ${label}`);
    size += label.length;
  }
  for (const target of output.links) assert.doesNotThrow(() => checkedTarget(target), `${where}: link ${JSON.stringify(target)}`);
  for (const { offset, markdown } of output.hovers) {
    checkMarkdown(markdown, `${where} offset ${offset}`);
    assert.ok(
      !markdown.includes('[native code]') && !markdown.includes('[object Object]'),
      `${where} offset ${offset}: ${markdown.slice(0, 300)}`,
    );
    size += markdown.length;
  }
  assert.ok(size <= 50 * text.length + output.hovers.length * MAX_HOVER_MARKDOWN, `${where}: ${size} characters of output`);
}

test(`${DOCS.toLocaleString('en-US')} mutated corpus documents: no throw, bounded output, no link/command/icon/HTML from a value; every ${METERED_EVERY}th with its work counted`, () => {
  const corpus = corpusTexts([CORPUS, join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'real-events')]);
  assert.ok(corpus.length >= 20, `only ${corpus.length} corpus files`);
  const random = prng(SEED);
  const documents: { text: string; offsets: number[] }[] = [];
  let biggest = 0;
  for (let n = 0; n < DOCS; n++) {
    const text = mutatedDocument(corpus, random);
    const offsets = offsetsFor(text, random);
    if (n % METERED_EVERY === 0) documents.push({ text, offsets });
    check(text, run(text, offsets, `seed ${SEED} document ${n}`), `seed ${SEED} document ${n}`);
    biggest = Math.max(biggest, text.length);
  }
  // Work, counted by the meter (installed only now: its wrappers slow every string built-in down). The same pipeline
  // on every METERED_EVERY-th document again; the bound is per character of the document, so quadratic work fails.
  let worst = 0;
  documents.forEach(({ text, offsets }, i) => {
    const where = `seed ${SEED} document ${i * METERED_EVERY}`;
    const { work } = measure(() => run(text, offsets, where));
    const bound = WORK_PER_CHAR * text.length + WORK_FLOOR;
    assert.ok(work <= bound, `${where}: ${work} characters examined for a document of ${text.length} (bound ${bound})`);
    worst = Math.max(worst, work / Math.max(1, text.length));
  });
  console.log(
    `fuzz: ${DOCS} documents, largest ${biggest} characters; ${documents.length} metered, most work per character ${worst.toFixed(0)}`,
  );
});

const DIGEST = JSON.stringify({
  awsAccountId: '111122223333',
  digestStartTime: '2026-11-25T00:00:00Z',
  digestEndTime: '2026-11-25T01:00:00Z',
  digestS3Bucket: 'bucket-1',
  digestS3Object: 'AWSLogs/111122223333/CloudTrail-Digest/us-west-2/2026/11/25/x.json.gz',
  digestPublicKeyFingerprint: '0123456789abcdef',
  digestSignatureAlgorithm: 'SHA256withRSA',
  newestEventTime: '2026-11-25T00:59:00Z',
  oldestEventTime: '2026-11-25T00:00:01Z',
  previousDigestS3Bucket: 'bucket-1',
  previousDigestS3Object: 'AWSLogs/111122223333/CloudTrail-Digest/us-west-2/2026/11/24/y.json.gz',
  previousDigestHashValue: 'ab',
  previousDigestHashAlgorithm: 'SHA-256',
  previousDigestSignature: 'cd',
  logFiles: [{ s3Bucket: 'bucket-1', s3Object: 'AWSLogs/a.json.gz', hashValue: 'ef', hashAlgorithm: 'SHA-256' }],
});
const INI =
  '[default]\nregion = us-west-2\n[profile a]\nrole_arn = arn:aws:iam::111122223333:role/r\nsource_profile = default\ns3 =\n  max_concurrent_requests = 20\n';

test('digest and ~/.aws/config parsers on 2,000 mutated documents each: only DigestInvalid, never another error', () => {
  const random = prng(SEED + 1);
  for (let n = 0; n < 2_000; n++) {
    const digest = mutatedDocument([DIGEST], random);
    try {
      digestFields(parseDigestJson(Buffer.from(digest)));
    } catch (error) {
      assert.ok(error instanceof DigestInvalid, `seed ${SEED + 1} digest ${n}: ${(error as Error)?.stack}\n${digest.slice(0, 500)}`);
    }
    const ini = mutatedDocument([INI], random);
    const sections = parseIni(ini);
    for (const name of ['default', 'a', '__proto__', 'constructor']) profileSettings(sections, name);
    assert.equal(({} as Record<string, unknown>).region, undefined, `seed ${SEED + 1} ini ${n} reached Object.prototype`);
  }
});

test('a digest log entry whose field is an object with a toString member is invalid format, not a TypeError', () => {
  const doc = JSON.parse(DIGEST) as Record<string, unknown>;
  doc.logFiles = [{ s3Bucket: { toString: 1 }, s3Object: 'a', hashValue: 'b' }];
  assert.throws(() => digestFields(doc), DigestInvalid);
  doc.logFiles = [{ s3Bucket: 'bucket-1', s3Object: 7, hashValue: true }];
  assert.deepEqual(digestFields(doc).logFiles, [{ s3Bucket: 'bucket-1', s3Object: '7', hashValue: 'true' }]);
});
