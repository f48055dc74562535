import * as vscode from 'vscode';
import type { Timeouts } from '../aws/timeouts';

export interface Settings {
  /** Empty: the default credential chain. */
  profile?: string;
  regions: string[];
  endpointUrl?: string;
  maxObjectBytes: number;
  pageSize: number;
  timeouts: Partial<Timeouts>;
}

const SECTION = 'cloudtrailKms';

export function readSettings(): Settings {
  const config = vscode.workspace.getConfiguration(SECTION);
  const profile = config.get<string>('profile', '').trim();
  const endpointUrl = config.get<string>('endpointUrl', '').trim();
  const regions = config
    .get<string[]>('regions', [])
    .filter((r) => typeof r === 'string' && r.trim() !== '')
    .map((r) => r.trim());
  const maxMb = Math.max(1, config.get<number>('maxObjectSizeMB', 200));
  const pageSize = Math.min(1000, Math.max(1, Math.floor(config.get<number>('pageSize', 1000))));
  const seconds = (name: string): number | undefined => {
    const value = config.get<number>(name);
    return typeof value === 'number' && Number.isFinite(value) ? value * 1000 : undefined;
  };
  const timeouts: Partial<Timeouts> = {
    connectMs: seconds('connectTimeoutSeconds'),
    attemptMs: seconds('requestTimeoutSeconds'),
    operationMs: seconds('operationTimeoutSeconds'),
  };
  return {
    profile: profile || undefined,
    regions,
    endpointUrl: endpointUrl || undefined,
    maxObjectBytes: maxMb * 1024 * 1024,
    pageSize,
    timeouts,
  };
}

/** Settings that change which AWS account/regions we talk to (everything cached must go). */
export function affectsConnection(event: vscode.ConfigurationChangeEvent): boolean {
  return ['profile', 'regions', 'endpointUrl', 'connectTimeoutSeconds', 'requestTimeoutSeconds', 'operationTimeoutSeconds'].some((name) =>
    event.affectsConfiguration(`${SECTION}.${name}`),
  );
}

export async function updateSetting(name: 'profile' | 'regions', value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update(name, value, vscode.ConfigurationTarget.Global);
}

/** The Athena settings (`cloudtrailKms.athena.*`); empty texts are left out (the runner's defaults apply). */
export function readAthenaSettings(): {
  workgroup?: string;
  outputLocation?: string;
  database?: string;
  region?: string;
  maxResults: number;
} {
  const config = vscode.workspace.getConfiguration(`${SECTION}.athena`);
  const text = (name: string): string => {
    const value = config.get<unknown>(name, '');
    return typeof value === 'string' ? value.trim() : '';
  };
  const maxResults = config.get<number>('maxResults', 1000);
  return {
    ...(text('workgroup') ? { workgroup: text('workgroup') } : {}),
    ...(text('outputLocation') ? { outputLocation: text('outputLocation') } : {}),
    ...(text('database') ? { database: text('database') } : {}),
    ...(text('region') ? { region: text('region') } : {}),
    maxResults: Number.isSafeInteger(maxResults) && maxResults >= 1 ? Math.min(maxResults, 100_000) : 1000,
  };
}

/** The raw Find Events settings (`cloudtrailKms.search.*`); search/searchSettings.ts bounds them. */
export function readSearchSettingValues(): {
  concurrency: unknown;
  confirmAboveFiles: unknown;
  lateDeliveryMinutes: unknown;
  maxResults: unknown;
} {
  const config = vscode.workspace.getConfiguration(`${SECTION}.search`);
  return {
    concurrency: config.get('concurrency'),
    confirmAboveFiles: config.get('confirmAboveFiles'),
    lateDeliveryMinutes: config.get('lateDeliveryMinutes'),
    maxResults: config.get('maxResults'),
  };
}
