// Issue 12, the hostile-input suite, part 2: the same deterministic mutation fuzzer (test/hostile/mutator.ts) through
// the pretty printers and the key-policy evaluation. Bounded by work, never by time: bytes the printer allocates and
// writes (linear in the input), characters the string built-ins examine for the policy check (workMeter.ts).
// CLOUDTRAIL_KMS_FUZZ_DOCS (default 10,000: a quarter of it here for each part) and CLOUDTRAIL_KMS_FUZZ_SEED change the run.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { ExplainedError } from '../../../src/core/errors';
import { checkKeyPolicy, formatKeyPolicyReport, PolicyFormatError, type KeyPolicySubject } from '../../../src/core/keyPolicy';
import { INDENT_LIMIT, indentLimit, prettyPrintJsonBytes, PrettyPrintStream } from '../../../src/core/logs/pretty';
import { CORPUS } from '../../corpusPath';
import { allocated } from '../../hostile/allocationMeter';
import { corpusTexts, HOSTILE_VALUES, mutatedDocument, prng } from '../../hostile/mutator';
import { measure } from '../../hostile/workMeter';
import { cloudTrailKeyPolicy, defaultKeyPolicy, trailKeyPolicy } from '../../sandbox/kms/policy';

const DOCS = Math.ceil(Number(process.env.CLOUDTRAIL_KMS_FUZZ_DOCS ?? 10_000) / 4);
const SEED = Number(process.env.CLOUDTRAIL_KMS_FUZZ_SEED ?? 12);

/** Text of a pretty-printing: bytes, or the error's code and message. */
function print(bytes: Buffer): { text?: string; error?: ExplainedError; allocated: number } {
  const run = allocated(() => prettyPrintJsonBytes(bytes));
  if (run.error !== undefined && !(run.error instanceof ExplainedError)) throw run.error;
  return { text: run.result?.toString('utf8'), error: run.error as ExplainedError | undefined, allocated: run.bytes };
}

function parsed(text: string): { value?: unknown } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return {};
  }
}

test(`pretty printers on ${DOCS.toLocaleString('en-US')} mutated corpus documents: JSON.stringify's layout for valid JSON, an explained error otherwise, linear size`, () => {
  const corpus = corpusTexts([CORPUS, join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'real-events')]);
  const random = prng(SEED + 2);
  const counts = { valid: 0, invalid: 0, tooDeep: 0 };
  let worstOutput = 0;
  let worstAllocation = 0;
  for (let n = 0; n < DOCS; n++) {
    const where = `seed ${SEED + 2} document ${n}`;
    const text = mutatedDocument(corpus, random);
    const bytes = Buffer.from(text, 'utf8');
    const { value } = parsed(text);
    const printed = print(bytes);
    // Memory: what the printer asks for is linear in the input: its reservation, then buffers that double (plus 64 KiB)
    // up to what it writes — the output, the part written before a syntax error (≤ 16 bytes a byte), or its limit.
    const reserve = Math.ceil(1.6 * bytes.length) + 1024 + 65536;
    const written =
      printed.text !== undefined
        ? Buffer.byteLength(printed.text)
        : printed.error?.code === 'IndentTooLarge'
          ? indentLimit(bytes.length)
          : INDENT_LIMIT.perInputByte * bytes.length;
    const bound = 4 * (reserve + written);
    assert.ok(printed.allocated <= bound, `${where}: ${printed.allocated} bytes allocated for ${bytes.length} (bound ${bound})`);
    worstAllocation = Math.max(worstAllocation, printed.allocated / Math.max(1, bytes.length));
    if (printed.error) {
      assert.match(printed.error.code, /^(NotJson|IndentTooLarge)$/, where);
      assert.doesNotMatch(printed.error.message, /RangeError|Invalid string length|Unexpected token|undefined/, where);
      assert.ok(printed.error.message.length < 2_000, `${where}: an error of ${printed.error.message.length} characters`);
      if (printed.error.code === 'NotJson') {
        assert.match(printed.error.message, /at line \d+, column \d+/, where);
        assert.equal(value, undefined, `${where}: valid JSON refused: ${printed.error.message}`);
        counts.invalid++;
      } else counts.tooDeep++;
    } else {
      assert.notEqual(value, undefined, `${where}: invalid JSON printed`);
      const out = printed.text ?? '';
      assert.ok(out.length <= indentLimit(bytes.length), `${where}: ${out.length} characters printed for ${bytes.length}`);
      worstOutput = Math.max(worstOutput, out.length / Math.max(1, bytes.length));
      // Tokens are copied as written (escapes, duplicate members), so the printed text means the same JSON…
      if ((text as unknown as { isWellFormed(): boolean }).isWellFormed())
        assert.equal(JSON.stringify(JSON.parse(out)), JSON.stringify(value), `${where}: the printed JSON means something else`);
      // …and written as JSON.stringify writes tokens, it is JSON.stringify's own layout, byte for byte.
      const canonical = JSON.stringify(value);
      for (const form of [canonical, JSON.stringify(value, null, 4)]) {
        const again = print(Buffer.from(form, 'utf8'));
        assert.equal(again.text, JSON.stringify(value, null, 2), `${where}: not JSON.stringify's layout`);
      }
      counts.valid++;
    }
    // The streaming printer (the editor and cat feed it as the bytes arrive) gives the same bytes or the same error.
    if (n % 10 === 0) {
      const stream = new PrettyPrintStream(1024);
      for (let at = 0; at < bytes.length;) {
        const next = Math.min(bytes.length, at + 1 + Math.floor(random() * 8192));
        stream.write(bytes.subarray(at, next));
        at = next;
      }
      let streamed: string;
      try {
        streamed = stream.end(() => bytes).toString('utf8');
      } catch (error) {
        streamed = `error ${(error as ExplainedError).message}`;
      }
      assert.equal(streamed, printed.text ?? `error ${printed.error?.message}`, `${where}: streamed ≠ whole`);
    }
  }
  assert.ok(counts.valid > DOCS / 4 && counts.invalid > DOCS / 20, `too little variety: ${JSON.stringify(counts)}`);
  console.log(
    `pretty fuzz: ${DOCS} documents (${JSON.stringify(counts)}); most output per input byte ${worstOutput.toFixed(1)}, most allocated ${worstAllocation.toFixed(1)}`,
  );
});

const ACCOUNT = '111122223333';
const TRAIL = `arn:aws:cloudtrail:us-west-2:${ACCOUNT}:trail/management`;
const POLICIES = [
  defaultKeyPolicy(ACCOUNT),
  cloudTrailKeyPolicy(ACCOUNT, 'us-west-2', TRAIL),
  trailKeyPolicy(ACCOUNT, 'us-west-2', TRAIL, `arn:aws:iam::${ACCOUNT}:role/admin`),
];
/** Wildcard patterns that backtrack exponentially in a regex translation (`*` → `.*`), and values to match them against. */
const PATTERNS = ['*******!', `arn:aws:cloudtrail:${'*'.repeat(30)}x`, `${'?*'.repeat(40)}!`, '*a*a*a*a*a*a*a*a*b'];
const SUBJECT: KeyPolicySubject = {
  trailArn: TRAIL,
  keyArn: `arn:aws:kms:us-west-2:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
  callerArn: `arn:aws:iam::${ACCOUNT}:user/auditor`,
  callerAccount: ACCOUNT,
  bucketRegion: 'us-west-2',
};
const WORK_PER_CHAR = 1_000;
const WORK_FLOOR = 200_000;

test(`key-policy evaluation on ${DOCS.toLocaleString('en-US')} mutated policies and hostile callers: a verdict or PolicyFormatError, work linear`, () => {
  const random = prng(SEED + 3);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const counts = { evaluated: 0, refused: 0 };
  let worst = 0;
  for (let n = 0; n < DOCS; n++) {
    const where = `seed ${SEED + 3} policy ${n}`;
    let policy = mutatedDocument(POLICIES, random);
    // Wildcards where a regex translation would backtrack: in the policy (Resource, conditions) and in the caller.
    if (random() < 0.5) policy = policy.split('"*"').join(`"${pick(PATTERNS)}"`);
    const subject = { ...SUBJECT };
    if (random() < 0.5) subject.callerArn = `arn:aws:iam::${ACCOUNT}:user/${'a'.repeat(Math.floor(random() * 20_000))}`;
    if (random() < 0.3) subject.trailArn = `arn:aws:cloudtrail:${'a'.repeat(Math.floor(random() * 20_000))}`;
    if (random() < 0.2) subject.callerArn = pick(HOSTILE_VALUES);
    const size = policy.length + subject.callerArn.length + subject.trailArn.length;
    const { result, work } = measure(() => {
      try {
        const report = checkKeyPolicy(policy, subject);
        return { report, text: formatKeyPolicyReport(report) };
      } catch (error) {
        if (error instanceof PolicyFormatError) return { error };
        assert.fail(`${where}: threw ${(error as Error)?.stack ?? String(error)}\n${policy.slice(0, 500)}`);
      }
    });
    const bound = WORK_PER_CHAR * size + WORK_FLOOR;
    assert.ok(work <= bound, `${where}: ${work} characters examined for ${size} (bound ${bound})`);
    worst = Math.max(worst, work / size);
    if ('error' in result) {
      const message = (result.error as Error).message;
      assert.ok(message.length < 2_000, `${where}: ${message.slice(0, 300)}`);
      counts.refused++;
      continue;
    }
    for (const check of Object.values(result.report).filter((v) => typeof v === 'object' && v && 'answer' in v))
      assert.ok(['yes', 'no', 'cannot tell'].includes((check as { answer: string }).answer), where);
    for (const bad of ['[object Object]', '[native code]'])
      assert.ok(!result.text.includes(bad), `${where}: ${bad} in ${result.text.slice(0, 3000)}`);
    assert.ok(result.text.length <= 20 * size + 20_000, `${where}: a report of ${result.text.length} characters for ${size}`);
    counts.evaluated++;
  }
  assert.ok(counts.evaluated > DOCS / 8, `too little variety: ${JSON.stringify(counts)}`);
  console.log(`policy fuzz: ${DOCS} policies (${JSON.stringify(counts)}); most work per character ${worst.toFixed(0)}`);
});
