/**
 * Profile names from the shared AWS files, the way the CLI reads them: `~/.aws/config` has `[default]` and
 * `[profile name]` sections (plus `[sso-session x]`, `[services x]` which are not profiles); `~/.aws/credentials`
 * has `[name]` sections. Pure: the caller reads the files.
 */
export interface ProfileEntry {
  name: string;
  region?: string;
  /** Where it was found. */
  sources: ('config' | 'credentials')[];
  /** `sso`, `role`, `process`, `keys` — a hint for the picker. */
  kind?: string;
}

interface Section {
  name: string;
  values: Map<string, string>;
}

function sections(text: string): Section[] {
  const out: Section[] = [];
  let current: Section | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
    if (header) {
      current = { name: header[1], values: new Map() };
      out.push(current);
      continue;
    }
    const eq = line.indexOf('=');
    if (current && eq > 0 && !/^\s/.test(rawLine)) current.values.set(line.slice(0, eq).trim().toLowerCase(), line.slice(eq + 1).trim());
  }
  return out;
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
  for (const section of sections(configText)) {
    if (section.name === 'default') add('default', 'config', section.values);
    else {
      const match = /^profile\s+(.+)$/.exec(section.name);
      if (match) add(match[1].trim(), 'config', section.values);
    }
  }
  for (const section of sections(credentialsText)) add(section.name, 'credentials', section.values);
  return [...byName.values()].sort((a, b) => (a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name)));
}
