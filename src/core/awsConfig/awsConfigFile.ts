/**
 * Reads the few settings the client factory needs from the shared AWS config file (`~/.aws/config`):
 * a profile's `region` and `endpoint_url`. Credentials are never read here (the SDK's providers do that).
 */

export type IniSections = Record<string, Record<string, string>>;

/** Parses INI text as the AWS CLI writes it; nested sub-properties (indented lines) are skipped. */
export function parseIni(text: string): IniSections {
  const sections: IniSections = {};
  let current: Record<string, string> | undefined;
  for (const raw of text.split(/\r?\n/)) {
    if (/^\s*([#;].*)?$/.test(raw)) continue;
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(raw);
    if (header) {
      const name = header[1].trim();
      current = sections[name] ??= {};
      continue;
    }
    if (!current || /^\s/.test(raw)) continue;
    const equals = raw.indexOf('=');
    if (equals === -1) continue;
    const key = raw.slice(0, equals).trim().toLowerCase();
    const value = raw.slice(equals + 1).trim();
    current[key] = value;
  }
  return sections;
}

/** The settings of a profile in the config file: `[default]` or `[profile name]` (also `[name]`, as the SDK accepts). */
export function profileSettings(sections: IniSections, profile: string): Record<string, string> {
  if (profile === 'default') return { ...sections['profile default'], ...sections.default };
  return sections[`profile ${profile}`] ?? sections[profile] ?? {};
}
