/**
 * Log locations: `s3://bucket[/prefix]` for readers who have no trail to start from (a log-archive account). The
 * layout under a location is detected with a few folder listings (never a whole bucket): the key prefix that holds
 * `AWSLogs/`, organization ids, accounts, and the regions of one account.
 */
import { isAccountId } from '../core/arn';
import { isOrganizationId } from '../core/logs/logLayout';
import { describeContents, type LogLayout } from '../core/logs/layoutHints';
import { describeLogPrefix } from '../core/logs/logLevels';
import type { AwsClients } from './clients';
import { mapLimited } from './concurrency';
import { hasObjectsUnder, listWholeFolder } from './logObjects';

/** How many sub-folders of a location are looked into for an `AWSLogs/` of their own (key prefixes; Control Tower's `o-…/`). */
const SUBFOLDERS_CHECKED = 20;
const KEY_PREFIXES_USED = 10;
const ORGANIZATIONS_LISTED = 5;

/** '' or the prefix with exactly one trailing '/', no leading '/'. */
export function normalizeLocationPrefix(prefix: string): string {
  let start = 0;
  while (prefix[start] === '/') start++;
  const trimmed = prefix.slice(start);
  return trimmed === '' || trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}

function awsLogsOf(keyPrefix: string): string {
  return `${keyPrefix ? `${keyPrefix}/` : ''}AWSLogs/`;
}

interface Where {
  bucket: string;
  region?: string;
}

async function folderNames(clients: AwsClients, where: Where, prefix: string, signal?: AbortSignal): Promise<string[]> {
  const page = await listWholeFolder(clients, { ...where, prefix }, { signal, maxPages: 5 });
  return page.folders.map((folder) => folder.name);
}

/** Organizations and accounts under one `AWSLogs/` folder; returns the first account's folder found (for its regions). */
async function readAwsLogs(
  clients: AwsClients,
  where: Where,
  awsLogs: string,
  layout: LogLayout,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const names = await folderNames(clients, where, awsLogs, signal);
  const direct = names.filter(isAccountId);
  layout.accounts.push(...direct.map((id) => ({ id, awsLogs })));
  const organizations = names.filter(isOrganizationId).slice(0, ORGANIZATIONS_LISTED);
  const accounts = await mapLimited(organizations, 3, async (id) =>
    (await folderNames(clients, where, `${awsLogs}${id}/`, signal)).filter(isAccountId),
  );
  organizations.forEach((id, i) => layout.organizations.push({ id, accounts: accounts[i], awsLogs }));
  const inOrganization = organizations.findIndex((_, i) => accounts[i].length > 0);
  if (inOrganization >= 0) return `${awsLogs}${organizations[inOrganization]}/${accounts[inOrganization][0]}/`;
  return direct.length > 0 ? `${awsLogs}${direct[0]}/` : undefined;
}

/** The regions under an account folder's `CloudTrail/` (one listing). */
async function regionsOf(clients: AwsClients, where: Where, accountRoot: string | undefined, signal?: AbortSignal): Promise<string[]> {
  return accountRoot ? folderNames(clients, where, `${accountRoot}CloudTrail/`, signal) : [];
}

/** The account folder a prefix inside the layout lies in ('…/AWSLogs/[o-…/]<account>/'), if it names one. */
function accountRootOf(prefix: string, account: string | undefined): string | undefined {
  if (!account) return undefined;
  const at = prefix.lastIndexOf('AWSLogs/');
  const after = prefix.indexOf(`${account}/`, at);
  return after < 0 ? undefined : prefix.slice(0, after + account.length + 1);
}

/**
 * Finds the CloudTrail layout under `s3://bucket/prefix`: the location may be a bucket root, a key prefix (with
 * `AWSLogs/` under it or one folder further down, as Control Tower's `o-…/AWSLogs/`), or a folder inside the layout
 * (`…/AWSLogs/o-…/`, an account, a region). Failures of the listings (denied, missing bucket) throw, explained.
 */
export async function detectLogLayout(
  clients: AwsClients,
  location: { bucket: string; prefix: string; region?: string },
  signal?: AbortSignal,
): Promise<LogLayout> {
  const where: Where = { bucket: location.bucket, region: location.region };
  const prefix = normalizeLocationPrefix(location.prefix);
  const layout: LogLayout = {
    bucket: location.bucket,
    prefix,
    keyPrefixes: [],
    logRoots: [],
    organizations: [],
    accounts: [],
    regions: [],
  };
  const parts = describeLogPrefix(prefix);

  if (parts.level !== 'root') {
    // Inside the layout already: browse from here.
    layout.keyPrefixes.push(parts.keyPrefix ? `${parts.keyPrefix}/` : '');
    layout.logRoots.push(prefix);
    let accountRoot = accountRootOf(prefix, parts.account);
    if (parts.level === 'awsLogs') accountRoot = await readAwsLogs(clients, where, prefix, layout, signal);
    else if (parts.level === 'organization' && parts.organizationId) {
      const accounts = (await folderNames(clients, where, prefix, signal)).filter(isAccountId);
      layout.organizations.push({ id: parts.organizationId, accounts, awsLogs: awsLogsOf(parts.keyPrefix) });
      accountRoot = accounts.length > 0 ? `${prefix}${accounts[0]}/` : undefined;
    } else if (parts.account) {
      if (parts.organizationId)
        layout.organizations.push({ id: parts.organizationId, accounts: [parts.account], awsLogs: awsLogsOf(parts.keyPrefix) });
      else layout.accounts.push({ id: parts.account, awsLogs: awsLogsOf(parts.keyPrefix) });
    }
    layout.regions = parts.region ? [parts.region] : await regionsOf(clients, where, accountRoot, signal);
    return layout;
  }

  const top = await listWholeFolder(clients, { ...where, prefix }, { signal, maxPages: 5 });
  const names = top.folders.map((folder) => folder.name);
  // AWSLogs/ here, and under sub-folders (other trails' key prefixes in a shared bucket, Control Tower's o-…/).
  if (names.includes('AWSLogs')) layout.keyPrefixes.push(prefix);
  const candidates = names.filter((name) => name !== 'AWSLogs').slice(0, SUBFOLDERS_CHECKED);
  const found = await mapLimited(candidates, 4, (name) =>
    hasObjectsUnder(clients, { ...where, prefix: `${prefix}${name}/AWSLogs/` }, signal),
  );
  candidates.forEach((name, i) => {
    if (found[i]) layout.keyPrefixes.push(`${prefix}${name}/`);
  });
  if (layout.keyPrefixes.length === 0) {
    layout.notFound =
      names.length === 0 && top.objects.length === 0
        ? `Nothing under s3://${location.bucket}/${prefix}.`
        : `${describeContents({ bucket: location.bucket, prefix, folders: names, objectCount: top.objects.length, ...(top.nextToken ? { truncated: true } : {}) }).text}.`;
    return layout;
  }
  let accountRoot: string | undefined;
  for (const keyPrefix of layout.keyPrefixes.slice(0, KEY_PREFIXES_USED)) {
    layout.logRoots.push(`${keyPrefix}AWSLogs/`);
    const found = await readAwsLogs(clients, where, `${keyPrefix}AWSLogs/`, layout, signal);
    accountRoot ??= found;
  }
  layout.regions = await regionsOf(clients, where, accountRoot, signal);
  return layout;
}
