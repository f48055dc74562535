import * as vscode from 'vscode';

export interface Settings {
  /** Empty: the default credential chain. */
  profile?: string;
  regions: string[];
  endpointUrl?: string;
  maxObjectBytes: number;
  pageSize: number;
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
  return { profile: profile || undefined, regions, endpointUrl: endpointUrl || undefined, maxObjectBytes: maxMb * 1024 * 1024, pageSize };
}

/** Settings that change which AWS account/regions we talk to (everything cached must go). */
export function affectsConnection(event: vscode.ConfigurationChangeEvent): boolean {
  return ['profile', 'regions', 'endpointUrl'].some((name) => event.affectsConfiguration(`${SECTION}.${name}`));
}

export async function updateSetting(name: 'profile' | 'regions', value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update(name, value, vscode.ConfigurationTarget.Global);
}
