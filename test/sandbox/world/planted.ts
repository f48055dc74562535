/** Planted records for the search world: real corpus records with the fields a query looks at set on purpose. */
import { isoSeconds } from '../clock';
import type { RecordTemplate } from './corpus';
import type { RealisticRecords } from './realistic';

type Json = Record<string, unknown>;

export interface PlantedRecord {
  eventId: string;
  time: Date;
  region: string;
  text: string;
}

/** `userIdentity` of an assumed-role session. */
export function roleIdentity(account: string, role: string, session: string, roleId: string, accessKeyId: string, time: Date): Json {
  return {
    type: 'AssumedRole',
    principalId: `${roleId}:${session}`,
    arn: `arn:aws:sts::${account}:assumed-role/${role}/${session}`,
    accountId: account,
    accessKeyId,
    sessionContext: {
      sessionIssuer: { type: 'Role', principalId: roleId, arn: `arn:aws:iam::${account}:role/${role}`, accountId: account, userName: role },
      webIdFederationData: {},
      attributes: { creationDate: isoSeconds(new Date(time.getTime() - 9 * 60_000)), mfaAuthenticated: 'false' },
    },
  };
}

export function userIdentity(account: string, user: string, principalId: string, accessKeyId: string): Json {
  return { type: 'IAMUser', principalId, arn: `arn:aws:iam::${account}:user/${user}`, accountId: account, accessKeyId, userName: user };
}

export class Planter {
  private readonly bySource = new Map<string, RecordTemplate>();

  constructor(
    private readonly records: RealisticRecords,
    private readonly account: string,
  ) {
    for (const t of records.templates) if (!this.bySource.has(t.source)) this.bySource.set(t.source, t);
  }

  /**
   * A record from the corpus file `source` (its first record) at `time` in `region`, with `identity` as the caller
   * and the fields of `set` replaced (`requestParameters` etc.); `errorCode`/`errorMessage` make it a failed call.
   */
  plant(source: string, time: Date, region: string, identity: Json, set: Json = {}): PlantedRecord {
    const template = this.bySource.get(source);
    if (!template) throw new Error(`The corpus has no record file ${source} (planted search-world events are built from it).`);
    const r = JSON.parse(this.records.record(time, this.account, region, { template })) as Json;
    r.userIdentity = identity;
    for (const [k, v] of Object.entries(set)) r[k] = v;
    if (set.errorCode) {
      // A refused call has no response and, in KMS, no key material.
      r.responseElements = null;
      delete r.additionalEventData;
    }
    // CloudTrail's field order: the error fields follow userAgent.
    const ordered = reorder(r);
    return { eventId: String(ordered.eventID), time, region, text: JSON.stringify(ordered) };
  }
}

function reorder(r: Json): Json {
  if (!('errorCode' in r)) return r;
  const out: Json = {};
  for (const [k, v] of Object.entries(r)) {
    if (k === 'errorCode' || k === 'errorMessage') continue;
    out[k] = v;
    if (k === 'userAgent') {
      out.errorCode = r.errorCode;
      if ('errorMessage' in r) out.errorMessage = r.errorMessage;
    }
  }
  return out;
}
