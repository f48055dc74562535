/** Object keys as CloudTrail writes them (domain facts §3), for any account, organization and prefix. */

export interface LogLocation {
  /** S3 key prefix without trailing slash; '' for none. */
  prefix: string;
  /** Organization id for organization trails (`AWSLogs/<o-id>/<account>/…`). */
  organizationId?: string;
  /** Account whose events the file holds. */
  account: string;
  region: string;
}

function folder(at: LogLocation, kind: 'CloudTrail' | 'CloudTrail-Digest', day: Date): string {
  const iso = day.toISOString();
  const org = at.organizationId ? `${at.organizationId}/` : '';
  return `${at.prefix ? `${at.prefix}/` : ''}AWSLogs/${org}${at.account}/${kind}/${at.region}/${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}/`;
}

/** `…/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<unique>.json.gz` (delivery time). */
export function logKeyAt(at: LogLocation, delivered: Date, unique: string): string {
  const iso = delivered.toISOString();
  const stamp = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z`;
  return `${folder(at, 'CloudTrail', delivered)}${at.account}_CloudTrail_${at.region}_${stamp}_${unique}.json.gz`;
}

/** `…/CloudTrail-Digest/<region>/YYYY/MM/DD/<account>_CloudTrail-Digest_<region>_<trail>_<home>_<YYYYMMDDTHHMMSSZ>.json.gz` (end time). */
export function digestKeyAt(at: LogLocation, trailName: string, homeRegion: string, end: Date): string {
  const iso = end.toISOString();
  const stamp = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  return `${folder(at, 'CloudTrail-Digest', end)}${at.account}_CloudTrail-Digest_${at.region}_${trailName}_${homeRegion}_${stamp}.json.gz`;
}
