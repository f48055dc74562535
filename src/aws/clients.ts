/**
 * The client factory: one AwsClients per settings (profile, regions, endpoint), SDK clients reused per region.
 * Credentials come from the SDK's own providers, so static keys, SSO, credential_process and assume-role
 * work as in the aws CLI.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { KMSClient } from '@aws-sdk/client-kms';
import { AthenaClient } from '@aws-sdk/client-athena';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { parseIni, profileSettings } from '../core/awsConfig/awsConfigFile';
import {
  explicitEndpoint,
  IGNORE_ENDPOINTS,
  usesCustomEndpoint,
  type AwsServiceId,
  type EndpointInputs,
} from '../core/awsConfig/serviceEndpoints';
import { explainAwsError } from '../core/errors';
import { LruMap } from '../core/lruMap';
import { userAgent } from '../core/version';
import { DeadlineHttpHandler, resolveTimeouts, withOperationDeadline, type Timeouts } from './timeouts';

export interface AwsSettings {
  /** Profile from ~/.aws/config / ~/.aws/credentials; empty or undefined: the default chain (AWS_PROFILE, env keys, SSO, instance role). */
  profile?: string;
  /** Regions to work in; empty: the profile's region. `['all']` means every standard commercial region (see ALL_REGIONS). */
  regions?: string[];
  /**
   * Endpoint for every service (sandbox, LocalStack); S3 then uses path-style addressing. A service's own
   * AWS_ENDPOINT_URL_<SERVICE> comes first (../core/awsConfig/serviceEndpoints.ts).
   */
  endpointUrl?: string;
  /** Connect, per-attempt and whole-operation timeouts (./timeouts.ts); missing values take the defaults. */
  timeouts?: Partial<Timeouts>;
}

/** The commercial regions enabled by default plus the opt-in ones; opt-in regions an account lacks fail per region, not as a whole. */
export const ALL_REGIONS: readonly string[] = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'ca-west-1',
  'sa-east-1',
  'mx-central-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'ap-south-1',
  'ap-south-2',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-7',
  'ap-east-1',
  'me-south-1',
  'me-central-1',
  'il-central-1',
  'af-south-1',
];

export const DEFAULT_USER_AGENT = userAgent('library');

/** Bucket regions remembered per AwsClients (an organization has a few dozen log buckets; logs can name any). */
export const BUCKET_REGION_ENTRIES = 1024;

function configFileSettings(profile: string): Record<string, string> {
  const path = process.env.AWS_CONFIG_FILE || join(homedir(), '.aws', 'config');
  try {
    return profileSettings(parseIni(readFileSync(path, 'utf8')), profile);
  } catch {
    return {}; // no config file: the SDK's defaults apply
  }
}

/** Remembers credentials until 5 minutes before they expire, so every client shares one SSO / assume-role session. */
function memoized(provider: AwsCredentialIdentityProvider): AwsCredentialIdentityProvider {
  let pending: Promise<AwsCredentialIdentity> | undefined;
  return async () => {
    if (pending) {
      const current = await pending.catch(() => undefined);
      if (current && (!current.expiration || current.expiration.getTime() - Date.now() > 5 * 60_000)) return current;
    }
    pending = provider();
    pending.catch(() => {
      pending = undefined;
    });
    return pending;
  };
}

export class AwsClients {
  readonly settings: Readonly<AwsSettings>;
  private readonly profile: string | undefined;
  private readonly credentials: AwsCredentialIdentityProvider;
  private readonly endpoints: EndpointInputs;
  private readonly pathStyle: boolean;
  private readonly userAgent: string;
  readonly timeouts: Timeouts;
  private readonly clients = new Map<string, S3Client | KMSClient | CloudTrailClient | STSClient | OrganizationsClient | AthenaClient>();
  private identity: Promise<{ account: string; arn: string }> | undefined;
  /**
   * Bucket name → region, filled by bucketRegion(); bucket names come from logs and links, so the most recently used
   * BUCKET_REGION_ENTRIES are kept (failed look-ups included: a denied caller is not asked twice per object).
   */
  readonly bucketRegions = new LruMap<string, Promise<string | undefined>>(BUCKET_REGION_ENTRIES);

  constructor(settings: AwsSettings, options: { userAgentSuffix?: string } = {}) {
    this.settings = { ...settings };
    this.profile = settings.profile?.trim() || undefined;
    this.credentials = memoized(this.profile ? fromIni({ profile: this.profile }) : fromNodeProviderChain());
    // Only the endpoint variables are kept (never the environment's credentials).
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => name.startsWith('AWS_ENDPOINT_URL') || name === IGNORE_ENDPOINTS),
    );
    this.endpoints = { setting: settings.endpointUrl, env, profileConfig: configFileSettings(this.profileName()) };
    // A custom endpoint (sandbox, LocalStack, moto) cannot serve virtual-hosted bucket names.
    this.pathStyle = usesCustomEndpoint('S3', this.endpoints);
    this.userAgent = options.userAgentSuffix || DEFAULT_USER_AGENT;
    this.timeouts = resolveTimeouts(settings.timeouts);
  }

  /** The profile name as the SDK resolves it (setting, else AWS_PROFILE, else default). */
  profileName(): string {
    return this.profile ?? (process.env.AWS_PROFILE || 'default');
  }

  /**
   * The endpoint a service's client is given: its AWS_ENDPOINT_URL_<SERVICE>, else the endpoint setting; undefined
   * lets the SDK resolve it (AWS_ENDPOINT_URL, the shared config file, or AWS itself).
   */
  endpointFor(service: AwsServiceId): string | undefined {
    return explicitEndpoint(service, this.endpoints);
  }

  private common(service: AwsServiceId, region: string) {
    const endpoint = this.endpointFor(service);
    return {
      region,
      credentials: this.credentials,
      ...(endpoint ? { endpoint } : {}),
      ...(this.profile ? { profile: this.profile } : {}),
      customUserAgent: this.userAgent,
      retryMode: 'standard',
      maxAttempts: 3,
      requestHandler: new DeadlineHttpHandler(this.timeouts),
    } as const;
  }

  private client<T extends S3Client | KMSClient | CloudTrailClient | STSClient | OrganizationsClient | AthenaClient>(
    service: string,
    region: string,
    create: () => T,
  ): T {
    const id = `${service}:${region}`;
    let client = this.clients.get(id) as T | undefined;
    if (!client) {
      client = withOperationDeadline(create(), this.timeouts, { service, region });
      this.clients.set(id, client);
    }
    return client;
  }

  s3(region: string): S3Client {
    return this.client(
      's3',
      region,
      () =>
        new S3Client({
          ...this.common('S3', region),
          forcePathStyle: this.pathStyle,
          followRegionRedirects: true,
          // Checksums only when an operation requires them: log objects are read as stored, emulators stay compatible.
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
        }),
    );
  }

  kms(region: string): KMSClient {
    return this.client('kms', region, () => new KMSClient(this.common('KMS', region)));
  }

  cloudTrail(region: string): CloudTrailClient {
    return this.client('cloudtrail', region, () => new CloudTrailClient(this.common('CloudTrail', region)));
  }

  athena(region: string): AthenaClient {
    return this.client('athena', region, () => new AthenaClient(this.common('Athena', region)));
  }

  sts(region: string): STSClient {
    return this.client('sts', region, () => new STSClient(this.common('STS', region)));
  }

  /** AWS Organizations: a global service, served from us-east-1 (account names in organization trees). */
  organizations(): OrganizationsClient {
    return this.client('organizations', 'us-east-1', () => new OrganizationsClient(this.common('Organizations', 'us-east-1')));
  }

  /** AWS_REGION / AWS_DEFAULT_REGION, else the profile's region, else us-east-1. */
  async defaultRegion(): Promise<string> {
    return process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || configFileSettings(this.profileName()).region || 'us-east-1';
  }

  /** The configured regions (deduplicated), `['all']` expanded to ALL_REGIONS, or the default region. */
  async regions(): Promise<string[]> {
    const configured = (this.settings.regions ?? []).map((region) => region.trim()).filter(Boolean);
    if (configured.length === 1 && configured[0].toLowerCase() === 'all') return [...ALL_REGIONS];
    if (configured.length > 0) return [...new Set(configured)];
    return [await this.defaultRegion()];
  }

  async callerIdentity(): Promise<{ account: string; arn: string }> {
    this.identity ??= (async () => {
      const region = await this.defaultRegion();
      try {
        const answer = await this.sts(region).send(new GetCallerIdentityCommand({}));
        return { account: answer.Account ?? '', arn: answer.Arn ?? '' };
      } catch (error) {
        throw explainAwsError(error as Error, { operation: 'GetCallerIdentity', region, profile: this.profileName() });
      }
    })();
    this.identity.catch(() => {
      this.identity = undefined;
    });
    return this.identity;
  }

  dispose(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
    this.bucketRegions.clear();
  }
}
