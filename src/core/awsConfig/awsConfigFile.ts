/**
 * The shared AWS files (`~/.aws/config`, `~/.aws/credentials`) as far as we read them: INI sections and their
 * top-level settings. One parser for the client factory (a profile's `region` and `endpoint_url`) and the profile
 * picker (awsProfiles.ts). Credentials are never read here (the SDK's providers do that).
 *
 * Linear on any text: lines are cut with indexOf and compared by hand, never matched with a pattern that can
 * backtrack (an unclosed `[   x   y` header made the old pattern cubic), and section or setting names are kept in
 * maps without a prototype, so `[__proto__]` is a section like any other.
 */

export interface IniSection {
  /** The name between the brackets, trimmed. */
  name: string;
  /** Top-level settings (`key = value`), keys in lower case; indented sub-properties are skipped. */
  values: Map<string, string>;
}

export type IniSections = Record<string, Record<string, string>>;

/** The section name of a header line (`[name]`, spaces allowed inside the brackets), or undefined for other lines. */
function headerName(line: string): string | undefined {
  if (line.length < 3 || line[0] !== '[' || line[line.length - 1] !== ']') return undefined;
  const inner = line.slice(1, -1);
  if (inner.includes(']')) return undefined;
  const name = inner.trim();
  return name === '' ? undefined : name;
}

/** The sections in file order, as the AWS CLI reads them. */
export function iniSections(text: string): IniSection[] {
  const out: IniSection[] = [];
  let current: IniSection | undefined;
  let from = 0;
  while (from <= text.length) {
    const newline = text.indexOf('\n', from);
    const end = newline === -1 ? text.length : newline;
    const raw = text.slice(from, end > from && text[end - 1] === '\r' ? end - 1 : end);
    from = end + 1;
    const line = raw.trim();
    if (line === '' || line[0] === '#' || line[0] === ';') continue;
    const name = headerName(line);
    if (name !== undefined) {
      current = { name, values: new Map() };
      out.push(current);
      continue;
    }
    // Indented lines are sub-properties (`s3 =` then `  addressing_style = path`): not top-level settings.
    const equals = line.indexOf('=');
    if (!current || equals <= 0 || raw[0] !== line[0]) continue;
    current.values.set(line.slice(0, equals).trim().toLowerCase(), line.slice(equals + 1).trim());
  }
  return out;
}

/** Sections by name (a name given twice: its settings merged, later ones win), without prototype look-ups. */
export function parseIni(text: string): IniSections {
  const sections: IniSections = Object.create(null) as IniSections;
  for (const section of iniSections(text)) {
    const into = (sections[section.name] ??= Object.create(null) as Record<string, string>);
    for (const [key, value] of section.values) into[key] = value;
  }
  return sections;
}

/** The settings of a profile in the config file: `[default]` or `[profile name]` (also `[name]`, as the SDK accepts). */
export function profileSettings(sections: IniSections, profile: string): Record<string, string> {
  if (profile === 'default') return { ...sections['profile default'], ...sections.default };
  return { ...(sections[`profile ${profile}`] ?? sections[profile]) };
}
