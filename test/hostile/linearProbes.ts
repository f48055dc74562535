/**
 * Probes for the linear-work regression tests (test/unit/hostile/linear-work.test.ts): each builds the hostile input
 * of one reported defect, calls the product, and returns the work measured around the call (workMeter.ts) with the
 * input size. probe.ts runs them in a child where V8 reports every regular expression that backtracks.
 */
import { parseAwsProfiles } from '../../src/core/awsConfig/awsProfiles';
import { parseIni } from '../../src/core/awsConfig/awsConfigFile';
import { explainAwsError } from '../../src/core/errors';
import { outline } from '../../src/core/explain';
import { findLinkTargets } from '../../src/core/explain/linkTargets';
import { checkKeyPolicy } from '../../src/core/keyPolicy';
import { wildcardMatch } from '../../src/core/keyPolicy/wildcard';
import { trailLogRoot } from '../../src/core/logs/logLayout';
import { errorText } from '../../src/vscode/errorText';
import { measure } from './workMeter';

export interface Measured {
  size: number;
  work: number;
  [fact: string]: unknown;
}

function run(size: number, fn: () => Record<string, unknown>): Measured {
  const { result, work } = measure(fn);
  return { size, work, ...result };
}

/** A log file of `count` records whose eventName key is written with an escape (no literal "eventName" anywhere). */
export function escapedKeyLog(count: number): string {
  const records: string[] = [];
  for (let i = 0; i < count; i++) {
    records.push(
      `{"eventVersion":"1.08","event\\u004eame":"Decrypt","eventTime":"2026-01-01T00:00:${String(i % 60).padStart(2, '0')}Z",` +
        `"eventSource":"kms.amazonaws.com","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/u${i}"},` +
        `"requestParameters":{"keyId":"alias/x"},"pad":"${'x'.repeat(300)}"}`,
    );
  }
  return `{"Records":[${records.join(',')}]}`;
}

const ACCOUNT = '111122223333';
const TRAIL = `arn:aws:cloudtrail:us-west-2:${ACCOUNT}:trail/management`;
const KEY = `arn:aws:kms:us-west-2:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

function policyWith(statement: Record<string, unknown>): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
}

export const probes: Record<string, () => Measured> = {
  outline4000: () => {
    const text = escapedKeyLog(4000);
    return run(text.length, () => ({ entries: outline(text).length }));
  },
  outline16000: () => {
    const text = escapedKeyLog(16_000);
    return run(text.length, () => ({ entries: outline(text).length }));
  },
  linkDots: () => {
    const text = `{"a":"arn:aws:s3:::bucket-1/${'.'.repeat(80_000)}x", "b":"arn:aws:s3:::bucket-1/AWSLogs/k.json.gz..."}`;
    return run(text.length, () => {
      const links = findLinkTargets(text);
      return {
        links: links.length,
        lastEnd: links[links.length - 1]?.end ?? -1,
        expectedEnd: text.indexOf('.json.gz') + '.json.gz'.length,
      };
    });
  },
  linkDots2MB: () => {
    const text = `"arn:aws:s3:::bucket-1/${'.'.repeat(2 * 1024 * 1024)}"`;
    return run(text.length, () => ({ links: findLinkTargets(text).length }));
  },
  policyResourceStars: () => {
    const policy = policyWith({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:*', Resource: `${'*'.repeat(200)}!` });
    return run(policy.length, () => {
      const report = checkKeyPolicy(policy, {
        trailArn: TRAIL,
        keyArn: KEY,
        callerArn: `arn:aws:iam::${ACCOUNT}:user/a`,
        callerAccount: ACCOUNT,
      });
      return { decrypt: report.callerDecrypt.answer };
    });
  },
  policyStringLikeStars: () => {
    const policy = policyWith({
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 'kms:GenerateDataKey*',
      Resource: '*',
      Condition: { StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:aws:cloudtrail:${'*'.repeat(200)}x` } },
    });
    return run(policy.length, () => {
      const report = checkKeyPolicy(policy, {
        trailArn: TRAIL,
        keyArn: KEY,
        callerArn: `arn:aws:iam::${ACCOUNT}:user/a`,
        callerAccount: ACCOUNT,
      });
      return { encrypt: report.cloudTrailEncrypt.answer };
    });
  },
  wildcardMegabyte: () => {
    // Exponential for a backtracking regex built from the pattern (`^(.*a){20}b$`-like), against 1 MB.
    const value = 'a'.repeat(1024 * 1024);
    const pattern = `${'*a'.repeat(20)}*b`;
    return run(value.length + pattern.length, () => ({ matched: wildcardMatch(pattern, value) }));
  },
  iniUnclosedHeader3KB: () => {
    const line = `[${' '.repeat(1500)}x${' '.repeat(1500)}y`;
    return run(line.length, () => ({ profiles: parseAwsProfiles(line, line).length, sections: Object.keys(parseIni(line)).length }));
  },
  iniUnclosedHeader1MB: () => {
    const text = `[default]\nregion = us-east-1\n[${' '.repeat(512 * 1024)}x${' '.repeat(512 * 1024)}y\n[profile  ${'\u2028'.repeat(100_000)}\n`;
    return run(text.length, () => ({
      profiles: parseAwsProfiles(text, '').map((p) => p.name),
      region: parseIni(text).default?.region ?? null,
    }));
  },
  errorCodeColons: () => {
    const code = `${':'.repeat(100_000)}\nx`;
    return run(code.length, () => ({
      what: explainAwsError(Object.assign(new Error('m'), { name: code }), { operation: 'GetObject' }).what.length,
    }));
  },
  fileSystemMessage: () => {
    const message = `Unable to read file 'cloudtrail-log:/b/k.json' ${'('.repeat(100_000)}x`;
    return run(message.length, () => ({ text: errorText(new Error(message)).length }));
  },
  prefixSlashes: () => {
    const prefix = `a${'/'.repeat(200_000)}b${'/'.repeat(200_000)}`;
    return run(prefix.length, () => ({ root: trailLogRoot({ keyPrefix: prefix, account: ACCOUNT }).length }));
  },
};
