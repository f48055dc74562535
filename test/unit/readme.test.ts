/**
 * The README and docs/iam-policy.json say what the code does: the settings table lists exactly package.json's
 * settings (with their defaults), the IAM policy grants exactly the actions of the AWS calls src/aws makes (plus the
 * kms:Decrypt S3 makes on the caller's behalf), and the README shows that very policy. Adding an AWS call or a
 * setting without documenting it fails here, with the line to add.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readEnglishManifest } from './localizedManifest';

const ROOT = join(__dirname, '..', '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

interface Setting {
  type?: string;
  default?: unknown;
  markdownDescription?: string;
  description?: string;
}
const manifest = readEnglishManifest(ROOT) as {
  contributes: { configuration: { properties: Record<string, Setting> } };
};

/** The text between `<!-- name:start -->` and `<!-- name:end -->` in the README. */
function section(name: string): string {
  const start = README.indexOf(`<!-- ${name}:start -->`);
  const end = README.indexOf(`<!-- ${name}:end -->`);
  assert.ok(start >= 0 && end > start, `README.md lacks the markers <!-- ${name}:start --> … <!-- ${name}:end -->`);
  return README.slice(start + `<!-- ${name}:start -->`.length, end).trim();
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n+/g, ' ');
}

/** The settings table as package.json says it: name, default, description. */
function expectedSettingsTable(): string {
  const rows = Object.entries(manifest.contributes.configuration.properties).map(
    ([name, setting]) =>
      `| \`${name}\` | \`${JSON.stringify(setting.default)}\` | ${cell(setting.markdownDescription ?? setting.description ?? '')} |`,
  );
  return ['| Setting | Default | What it does |', '| --- | --- | --- |', ...rows].join('\n');
}

test("the README's settings table is package.json's settings, defaults and descriptions", () => {
  const expected = expectedSettingsTable();
  assert.equal(section('settings'), expected, `Paste this table between the settings markers of README.md:\n\n${expected}\n`);
});

/** `@aws-sdk/client-<name>` → the IAM service prefix of its actions. */
const SERVICE_PREFIX: Record<string, string> = {
  s3: 's3',
  kms: 'kms',
  cloudtrail: 'cloudtrail',
  sts: 'sts',
  iam: 'iam',
  organizations: 'organizations',
  athena: 'athena',
  glue: 'glue',
};

/** API operations whose IAM action has another name, or none (GetCallerIdentity needs no permission). */
const ACTION_OF_OPERATION: Record<string, string | null> = {
  's3:ListObjectsV2': 's3:ListBucket',
  's3:ListObjects': 's3:ListBucket',
  's3:HeadObject': 's3:GetObject',
  's3:HeadBucket': 's3:ListBucket',
  'sts:GetCallerIdentity': null,
};

/** Actions AWS checks on the caller's behalf although the code never calls them: S3 decrypts SSE-KMS objects with
 * the caller's kms:Decrypt; Athena reads the table from Glue (and creates it) and writes its results to S3 as the caller. */
const IMPLIED_ACTIONS: Record<string, string[]> = {
  's3:GetObject': ['kms:Decrypt'],
  'athena:StartQueryExecution': ['glue:GetDatabase', 'glue:GetTable', 'glue:CreateDatabase', 'glue:CreateTable', 's3:PutObject'],
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every `XCommand` imported from an `@aws-sdk/client-*` package in src/aws, as `service:Operation`. */
function operationsInAwsLayer(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const importPattern = /import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'@aws-sdk\/client-([a-z0-9-]+)'/g;
  for (const file of sources(join(ROOT, 'src', 'aws'))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(importPattern)) {
      const prefix = SERVICE_PREFIX[match[2]];
      assert.ok(prefix, `${file} imports @aws-sdk/client-${match[2]}: add its IAM prefix to SERVICE_PREFIX here`);
      for (const name of match[1].split(',').map((part) => part.trim().split(/\s+as\s+/)[0])) {
        if (!/^[A-Z][A-Za-z0-9]*Command$/.test(name) || !new RegExp(`new\\s+${name}\\(`).test(text)) continue;
        const operation = `${prefix}:${name.slice(0, -'Command'.length)}`;
        found.set(operation, [...(found.get(operation) ?? []), file.slice(ROOT.length + 1)]);
      }
    }
  }
  return found;
}

interface Statement {
  Sid: string;
  Effect: string;
  Action: string | string[];
}
const POLICY_TEXT = readFileSync(join(ROOT, 'docs', 'iam-policy.json'), 'utf8');
const policy = JSON.parse(POLICY_TEXT) as { Version: string; Statement: Statement[] };

test('docs/iam-policy.json grants exactly the actions of the AWS calls src/aws makes', () => {
  const operations = operationsInAwsLayer();
  assert.ok(operations.has('s3:GetObject') && operations.has('cloudtrail:DescribeTrails'), 'the scan found no AWS calls');
  const needed = new Map<string, string>();
  for (const [operation, files] of operations) {
    const action = operation in ACTION_OF_OPERATION ? ACTION_OF_OPERATION[operation] : operation;
    if (action === null) continue;
    needed.set(action, `${operation} in ${files.join(', ')}`);
    for (const implied of IMPLIED_ACTIONS[action] ?? []) needed.set(implied, `implied by ${action}`);
  }
  assert.equal(policy.Version, '2012-10-17');
  const granted = new Set<string>();
  for (const statement of policy.Statement) {
    assert.equal(statement.Effect, 'Allow');
    assert.match(statement.Sid, /^[A-Za-z0-9]+$/, 'a Sid is alphanumeric');
    for (const action of [statement.Action].flat()) {
      assert.ok(!action.includes('*'), `${action}: name actions, no wildcards`);
      granted.add(action);
    }
  }
  const missing = [...needed.keys()].filter((action) => !granted.has(action)).map((action) => `${action} (${needed.get(action)})`);
  const unused = [...granted].filter((action) => !needed.has(action));
  assert.deepEqual(missing, [], 'actions the code needs that docs/iam-policy.json does not grant');
  assert.deepEqual(unused, [], 'actions docs/iam-policy.json grants that no call in src/aws needs');
});

test('the README shows docs/iam-policy.json as it is', () => {
  const block = /```json\n([\s\S]*?)\n```/.exec(section('iam-policy'));
  assert.ok(block, 'the iam-policy section of README.md has no ```json block');
  assert.deepEqual(JSON.parse(block[1]), policy);
});
