/**
 * Profile names from the shared AWS files, the way the CLI reads them: `~/.aws/config` has `[default]` and
 * `[profile name]` sections (plus `[sso-session x]`, `[services x]` which are not profiles); `~/.aws/credentials`
 * has `[name]` sections. Pure: the caller reads the files; the one INI parser is in awsConfigFile.ts.
 */
import { iniSections } from './awsConfigFile';

export interface ProfileEntry {
  name: string;
  region?: string;
  /** Where it was found. */
  sources: ('config' | 'credentials')[];
  /** `sso`, `role`, `process`, `keys` — a hint for the picker. */
  kind?: string;
}

function kindOf(values: Map<string, string>): string | undefined {
  if (values.has('sso_session') || values.has('sso_start_url')) return 'sso';
  if (values.has('role_arn')) return 'role';
  if (values.has('credential_process')) return 'process';
  if (values.has('aws_access_key_id')) return 'keys';
  return undefined;
}

export function parseAwsProfiles(configText: string, credentialsText: string): ProfileEntry[] {
  const byName = new Map<string, ProfileEntry>();
  const add = (name: string, source: 'config' | 'credentials', values: Map<string, string>): void => {
    if (!/^[\w.@+-]+$/.test(name)) return;
    const entry = byName.get(name) ?? { name, sources: [] };
    if (!entry.sources.includes(source)) entry.sources.push(source);
    entry.region ??= values.get('region');
    entry.kind ??= kindOf(values);
    byName.set(name, entry);
  };
  for (const section of iniSections(configText)) {
    if (section.name === 'default') add('default', 'config', section.values);
    else if (section.name.startsWith('profile') && /\s/.test(section.name.charAt(7)))
      add(section.name.slice(7).trim(), 'config', section.values);
  }
  for (const section of iniSections(credentialsText)) add(section.name, 'credentials', section.values);
  return [...byName.values()].sort((a, b) => (a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name)));
}
