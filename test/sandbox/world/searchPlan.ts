/** What the search world plants, and the exact sets a query must find (SearchWorld.planted). */
import type { KmsKey } from '../kms/keys';
import type { SearchWorld } from '../types';
import { HOME_REGION, OTHER_REGION } from './constants';
import { Planter, roleIdentity, userIdentity, type PlantedRecord } from './planted';
import type { RealisticRecords } from './realistic';

export type Placed = PlantedRecord;

export interface SearchPlan {
  /** Planted events that go into the regular files. */
  regular: Placed[];
  /** The file encrypted under the management trail's key (the auditor may not decrypt it): delivery time and events. */
  denied: { at: Date; records: Placed[] };
  disabledAt: Date;
  corruptAt: Date;
  /** A file delivered 55 minutes after its one event (inside the boundary range; its name is 50 minutes after it). */
  late: { at: Date; record: Placed };
  /** A file named exactly at the boundary range's start, holding one event a half minute before it. */
  atStart: { at: Date; record: Placed };
  facts: Omit<SearchWorld['planted'], 'events'>;
  all: Placed[];
}

const SOURCES = {
  decrypt: 'aws-docs-kms/ct-decrypt-0.json',
  generateDataKey: 'aws-docs-kms/ct-generatedatakey-0.json',
  putKeyPolicy: 'aws-docs-kms/ct-put-key-policy-0.json',
  createUser: 'aws-docs-cloudtrail/cloudtrail-log-file-examples-5.json',
  updateTrail: 'aws-docs-cloudtrail/cloudtrail-log-file-examples-8.json',
};

export function plantEvents(
  records: RealisticRecords,
  o: { account: string; paymentsKey: KmsKey; healthyKey: KmsKey; start: Date },
): SearchPlan {
  const { account, paymentsKey, healthyKey, start } = o;
  const planter = new Planter(records, account);
  const at = (day: number, hh: number, mm: number, ss = 0) =>
    new Date(start.getTime() + day * 86_400_000 + ((hh * 60 + mm) * 60 + ss) * 1000);
  const kmsResources = (key: KmsKey) => [{ accountId: key.accountId, type: 'AWS::KMS::Key', ARN: key.arn }];
  const decryptWith = (key: KmsKey, context: Record<string, string>) => ({
    requestParameters: { encryptionAlgorithm: 'SYMMETRIC_DEFAULT', keyId: key.arn, encryptionContext: context },
    resources: kmsResources(key),
  });

  // A. A role's Decrypt calls with one key (and decoys: same role other key / other call; other principal same key).
  const role = { name: 'payments-batch', session: 'nightly-settlement', id: 'AROAPAYMENTSBATCH0001', key: 'ASIAPAYMENTSBATCH001' };
  const asRole = (t: Date) => roleIdentity(account, role.name, role.session, role.id, role.key, t);
  const roleDecrypt = (t: Date, n: number) =>
    planter.plant(SOURCES.decrypt, t, HOME_REGION, asRole(t), {
      ...decryptWith(paymentsKey, { PaymentBatch: `batch-${n}` }),
      sourceIPAddress: '10.20.30.40',
    });
  const roleTimes = [at(0, 1, 17, 5), at(0, 19, 44, 12), at(1, 6, 3, 41), at(2, 11, 29, 0), at(2, 23, 58, 30), at(3, 4, 12, 9)];
  const roleRegular = roleTimes.map((t, n) => roleDecrypt(t, n));
  const deniedAt = at(1, 14, 7);
  const roleDenied = [roleDecrypt(at(1, 13, 40, 10), 6), roleDecrypt(at(1, 13, 52, 33), 7)];
  const alice = userIdentity(account, 'alice', 'AIDAALICEPAYMENTS001', 'AKIAALICEPAYMENTS001');
  const decoys = [
    planter.plant(SOURCES.decrypt, at(0, 9, 15), HOME_REGION, asRole(at(0, 9, 15)), decryptWith(healthyKey, { PaymentBatch: 'decoy-1' })),
    planter.plant(SOURCES.decrypt, at(2, 9, 15), HOME_REGION, asRole(at(2, 9, 15)), decryptWith(healthyKey, { PaymentBatch: 'decoy-2' })),
    planter.plant(SOURCES.generateDataKey, at(1, 1, 1), HOME_REGION, asRole(at(1, 1, 1)), {
      requestParameters: { keyId: paymentsKey.arn, keySpec: 'AES_256', encryptionContext: { PaymentBatch: 'decoy-3' } },
      resources: kmsResources(paymentsKey),
    }),
    planter.plant(SOURCES.decrypt, at(3, 15, 2), HOME_REGION, alice, decryptWith(paymentsKey, { PaymentBatch: 'decoy-4' })),
    planter.plant(SOURCES.decrypt, at(0, 16, 20), HOME_REGION, alice, decryptWith(paymentsKey, { PaymentBatch: 'decoy-5' })),
  ];

  // B. Failed calls, AccessDenied in KMS, IAM and CloudTrail wording.
  const contractor = userIdentity(account, 'contractor-7', 'AIDACONTRACTOR700001', 'AKIACONTRACTOR700001');
  const contractorArn = `arn:aws:iam::${account}:user/contractor-7`;
  const kmsDenied = (t: Date, region: string) =>
    planter.plant(SOURCES.decrypt, t, region, contractor, {
      ...decryptWith(paymentsKey, { PaymentBatch: 'probe' }),
      errorCode: 'AccessDeniedException',
      errorMessage: `User: ${contractorArn} is not authorized to perform: kms:Decrypt on resource: ${paymentsKey.arn} because no identity-based policy allows the kms:Decrypt action`,
    });
  const failures = [
    kmsDenied(at(0, 3, 33, 3), HOME_REGION),
    kmsDenied(at(1, 22, 10, 44), HOME_REGION),
    kmsDenied(at(2, 7, 7, 7), OTHER_REGION),
    planter.plant(SOURCES.createUser, at(1, 8, 8, 8), HOME_REGION, contractor, {
      requestParameters: { userName: 'backdoor' },
      errorCode: 'AccessDenied',
      errorMessage: `User: ${contractorArn} is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::${account}:user/backdoor because no identity-based policy allows the iam:CreateUser action`,
    }),
    planter.plant(SOURCES.createUser, at(3, 2, 2, 2), OTHER_REGION, contractor, {
      requestParameters: { userName: 'backdoor-2' },
      errorCode: 'AccessDenied',
      errorMessage: `User: ${contractorArn} is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::${account}:user/backdoor-2 because no identity-based policy allows the iam:CreateUser action`,
    }),
    planter.plant(SOURCES.updateTrail, at(2, 20, 20, 20), HOME_REGION, contractor, {
      requestParameters: { name: 'audit-archive', isMultiRegionTrail: false },
      errorCode: 'AccessDeniedException',
      errorMessage: `User: ${contractorArn} is not authorized to perform: cloudtrail:UpdateTrail on resource: arn:aws:cloudtrail:${HOME_REGION}:${account}:trail/audit-archive because no identity-based policy allows the cloudtrail:UpdateTrail action`,
    }),
  ];

  // C. An encryption-context value (exact and by prefix).
  const prefix = `arn:aws:s3:::payroll-exports-${account}/2026/11/`;
  const reporting = roleIdentity(account, 'reporting', 'monthly-payroll', 'AROAREPORTINGROLE0001', 'ASIAREPORTINGROLE001', at(0, 0, 0));
  const contextEvent = (t: Date, file: string, region: string) =>
    planter.plant(
      SOURCES.decrypt,
      t,
      region,
      { ...reporting, invokedBy: 'AWS Internal' },
      {
        ...decryptWith(healthyKey, { 'aws:s3:arn': `${prefix}${file}` }),
        sourceIPAddress: 'AWS Internal',
        userAgent: 'AWS Internal',
      },
    );
  const exact = [
    contextEvent(at(0, 12, 0, 1), 'run-17.csv', HOME_REGION),
    contextEvent(at(1, 12, 0, 2), 'run-17.csv', HOME_REGION),
    contextEvent(at(3, 12, 0, 3), 'run-17.csv', OTHER_REGION),
  ];
  const byPrefix = [
    ...exact,
    contextEvent(at(2, 12, 0, 4), 'run-18.csv', HOME_REGION),
    contextEvent(at(2, 12, 30, 5), 'run-19.csv', OTHER_REGION),
  ];

  // D. Events at the edges of a range [from, to): one day, 02:00–03:00, us-west-2.
  const from = at(2, 2, 0);
  const to = at(2, 3, 0);
  const probe = userIdentity(account, 'boundary-probe', 'AIDABOUNDARYPROBE001', 'AKIABOUNDARYPROBE001');
  const edge = (t: Date) =>
    planter.plant(SOURCES.putKeyPolicy, t, HOME_REGION, probe, {
      requestParameters: { keyId: paymentsKey.arn, policyName: 'default', policy: '{"Version":"2012-10-17","Statement":[]}' },
      resources: kmsResources(paymentsKey),
    });
  const minute = 60_000;
  const inside = [
    from,
    new Date(from.getTime() + 59_000),
    at(2, 2, 30),
    new Date(to.getTime() - minute),
    new Date(to.getTime() - 1000),
  ].map(edge);
  const outside = [new Date(from.getTime() - minute), new Date(from.getTime() - 1000), to, new Date(to.getTime() + 59_000)].map(edge);
  const late = { at: new Date(to.getTime() + 50 * minute), record: edge(at(2, 2, 55)) };
  const atStart = { at: from, record: edge(new Date(from.getTime() - 30_000)) };

  const regular = [...roleRegular, ...decoys, ...failures, ...byPrefix, ...inside, ...outside];
  const ids = (list: Placed[]) => list.map((p) => p.eventId);
  return {
    regular,
    denied: { at: deniedAt, records: roleDenied },
    disabledAt: at(1, 9, 22),
    corruptAt: at(2, 17, 41),
    late,
    atStart,
    all: [...regular, ...roleDenied, late.record, atStart.record],
    facts: {
      roleDecrypts: {
        roleArn: `arn:aws:iam::${account}:role/${role.name}`,
        sessionArn: `arn:aws:sts::${account}:assumed-role/${role.name}/${role.session}`,
        accessKeyId: role.key,
        keyArn: paymentsKey.arn,
        keyAlias: 'alias/payments-data',
        region: HOME_REGION,
        eventIds: ids([...roleRegular, ...roleDenied]),
        inDeniedFile: ids(roleDenied),
        decoyEventIds: ids(decoys),
      },
      failures: {
        eventIds: ids(failures),
        errorCodes: Object.fromEntries(failures.map((p) => [p.eventId, String((JSON.parse(p.text) as { errorCode: string }).errorCode)])),
        principalArn: contractorArn,
      },
      encryptionContext: {
        key: 'aws:s3:arn',
        exactValue: `${prefix}run-17.csv`,
        exactEventIds: ids(exact),
        prefix,
        prefixEventIds: ids(byPrefix),
      },
      boundary: {
        region: HOME_REGION,
        from: from.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        to: to.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        principalArn: `arn:aws:iam::${account}:user/boundary-probe`,
        eventName: 'PutKeyPolicy',
        insideEventIds: [...ids(inside), late.record.eventId],
        outsideEventIds: [...ids(outside), atStart.record.eventId],
      },
    },
  };
}
