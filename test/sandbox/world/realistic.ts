/**
 * Realistic CloudTrail records: real records from the corpus (world/corpus.ts) with their times, event and request
 * ids, source addresses, accounts, region and acting person varied by a seeded PRNG, so files built from them look and
 * compress like delivered CloudTrail logs (≈ 8–12× with gzip; measured in test/integration/sandbox-realistic.test.ts).
 * Deterministic: the same seed gives the same records.
 */
import { isoSeconds } from '../clock';
import { Prng } from '../prng';
import { corpusTemplates, type RecordTemplate } from './corpus';

export interface Actor {
  kind: 'IAMUser' | 'AssumedRole';
  /** user/… or assumed-role/…/session ARN */
  arn: string;
  accessKeyId: string;
  /** `userIdentity` JSON up to (not including) the session creation date, and what follows it. */
  identityHead: string;
  identityTail: string;
  ips: string[];
  /** The client this person calls from. */
  userAgent: string;
}

const AGENTS = [
  'aws-cli/2.27.50 md/awscrt#0.26.1 ua/2.1 os/linux#6.8.0-1029-aws md/arch#x86_64 lang/python#3.13.4 md/pyimpl#CPython m/E,b,Z cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.24 md/prompt#off',
  'Boto3/1.38.12 md/Botocore#1.38.12 ua/2.1 os/linux#5.10.236-227.928.amzn2.x86_64 md/arch#x86_64 lang/python#3.12.10 md/pyimpl#CPython exec-env/AWS_Lambda_python3.12 cfg/retry-mode#legacy Botocore/1.38.12',
  'aws-sdk-java/2.31.0 Linux/5.10.238-231.953.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/21.0.7+6-LTS Java/21.0.7 vendor/Amazon.com_Inc. exec-env/AWS_ECS_FARGATE io/sync http/Apache cfg/retry-mode/adaptive',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36',
  'Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-aws/5.82.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.32.7 ua/2.1 os/linux lang/go#1.23.3 md/GOOS#linux md/GOARCH#amd64',
  'aws-sdk-js/3.848.0 ua/2.1 os/linux#5.15.0-1084-aws lang/js md/nodejs#20.18.1 m/E,N',
];

const USERS = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'ci-deployer', 'backup-operator'];
const ROLES: Array<[string, string]> = [
  ['Admin', 'alice@example.com'],
  ['ReadOnly', 'bob@example.com'],
  ['DeveloperAccess', 'carol@example.com'],
  ['OrganizationAccountAccessRole', 'terraform'],
  ['github-actions-deploy', 'GitHubActions'],
  ['order-processor-role', 'order-processor'],
  ['ecs-task-payments', 'a1b2c3d4e5f6'],
  ['AWSReservedSSO_AdministratorAccess_5f1e2d3c4b5a6978', 'dave@example.com'],
];

export class RealisticRecords {
  readonly templates: RecordTemplate[] = corpusTemplates();
  private readonly rng: Prng;
  private readonly actorsByAccount = new Map<string, Actor[]>();

  /** The templates in order of how often they occur (a few kinds of calls make up most of a real log). */
  private readonly popularity: RecordTemplate[];

  constructor(seed: string) {
    this.rng = new Prng(`realistic-records/${seed}`, true);
    const shuffled = [...this.templates];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = this.rng.int(0, i);
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    this.popularity = shuffled;
  }

  /** The people and roles acting in an account (fixed per account, whatever the seed). */
  actors(account: string): Actor[] {
    let list = this.actorsByAccount.get(account);
    if (!list) {
      list = makeActors(account);
      this.actorsByAccount.set(account, list);
    }
    return list;
  }

  /** One record (JSON text) at `time` in `account`/`region`, from a template picked at random (or the one given). */
  record(time: Date, account: string, region: string, options: { template?: RecordTemplate; actor?: Actor } = {}): string {
    const t = options.template ?? skewed(this.popularity, this.rng);
    const actors = this.actors(account);
    // A few people do most of the work, as in a real account.
    const actor = options.actor ?? skewed(actors, this.rng);
    const when = isoSeconds(time);
    // join() gives a flat string (no chain of concatenations kept alive until it is written).
    const pieces: string[] = [t.parts[0]];
    for (let i = 0; i < t.slots.length; i++) pieces.push(this.fill(t.slots[i], t, actor, when, time, account, region), t.parts[i + 1]);
    return pieces.join('');
  }

  private fill(slot: string, t: RecordTemplate, actor: Actor, when: string, time: Date, account: string, region: string): string {
    switch (slot) {
      case 'TIME':
        return when;
      case 'EVENT_ID':
      case 'REQUEST_ID':
        return this.rng.uuid();
      case 'IP':
        return actor.ips[this.rng.int(0, actor.ips.length - 1)];
      case 'AGENT':
        return actor.userAgent;
      case 'ACCOUNT':
        return account;
      case 'REGION':
        return region;
      case 'IDENTITY': {
        const identity =
          actor.kind === 'IAMUser'
            ? actor.identityHead
            : `${actor.identityHead}${isoSeconds(new Date(time.getTime() - 17 * 60_000))}${actor.identityTail}`;
        return t.invokedBy ? `${identity.slice(0, -1)},"invokedBy":${JSON.stringify(t.invokedBy)}}` : identity;
      }
    }
    return '';
  }
}

/** An item, the first ones far more often than the last (index = n·u², u uniform). */
export function skewed<T>(items: readonly T[], rng: Prng): T {
  return items[Math.min(items.length - 1, Math.floor(items.length * (rng.int(0, 9999) / 10_000) ** 2))];
}

function makeActors(account: string): Actor[] {
  const rng = new Prng(`realistic-actors/${account}`);
  const ips = () =>
    Array.from({ length: rng.int(1, 3) }, () => `${rng.pick(['192.0.2', '198.51.100', '203.0.113', '10.20.30'])}.${rng.int(2, 250)}`);
  const actors: Actor[] = [];
  // Interleave people and roles so the most active ones are of both kinds.
  for (let i = 0; i < Math.max(USERS.length, ROLES.length); i++) {
    if (i < ROLES.length) {
      const [role, session] = ROLES[i];
      const roleId = `AROA${rng.alnum(17).toUpperCase()}`;
      const arn = `arn:aws:sts::${account}:assumed-role/${role}/${session}`;
      const accessKeyId = `ASIA${rng.alnum(16).toUpperCase()}`;
      const head = JSON.stringify({
        type: 'AssumedRole',
        principalId: `${roleId}:${session}`,
        arn,
        accountId: account,
        accessKeyId,
        sessionContext: {
          sessionIssuer: {
            type: 'Role',
            principalId: roleId,
            arn: `arn:aws:iam::${account}:role/${role}`,
            accountId: account,
            userName: role,
          },
          webIdFederationData: {},
          attributes: { creationDate: '@', mfaAuthenticated: 'false' },
        },
      });
      const at = head.indexOf('"@"');
      actors.push({
        kind: 'AssumedRole',
        arn,
        accessKeyId,
        identityHead: head.slice(0, at + 1),
        identityTail: head.slice(at + 2),
        ips: ips(),
        userAgent: rng.pick(AGENTS),
      });
    }
    if (i < USERS.length) {
      const user = USERS[i];
      const arn = `arn:aws:iam::${account}:user/${user}`;
      const accessKeyId = `AKIA${rng.alnum(16).toUpperCase()}`;
      const json = JSON.stringify({
        type: 'IAMUser',
        principalId: `AIDA${rng.alnum(16).toUpperCase()}`,
        arn,
        accountId: account,
        accessKeyId,
        userName: user,
      });
      // IAM users have no session date: the whole identity is the head.
      actors.push({ kind: 'IAMUser', arn, accessKeyId, identityHead: json, identityTail: '', ips: ips(), userAgent: rng.pick(AGENTS) });
    }
  }
  return actors;
}

/** `{"Records":[…]}` from record texts, as CloudTrail writes a log file (compact JSON). */
export function logFileJson(records: string[]): Buffer {
  return Buffer.from(`{"Records":[${records.join(',')}]}`);
}

/**
 * A log file of at least `bytes` bytes of JSON: records from `next(i)` until the size is reached, each written
 * straight into one growing buffer (a 50 MB file never exists as one JavaScript string).
 */
export function logFileOfSize(bytes: number, next: (i: number) => string): { json: Buffer; records: number } {
  let buf = Buffer.allocUnsafe(bytes + (64 << 10));
  let at = buf.write('{"Records":[');
  let i = 0;
  while (at + 2 < bytes) {
    const record = next(i);
    const need = Buffer.byteLength(record) + 3;
    if (at + need > buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(buf.length * 2, at + need));
      buf.copy(bigger, 0, 0, at);
      buf = bigger;
    }
    if (i++ > 0) at += buf.write(',', at);
    at += buf.write(record, at);
  }
  at += buf.write(']}', at);
  return { json: buf.subarray(0, at), records: i };
}
