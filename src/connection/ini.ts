/**
 * The INI dialect of `~/.mlflow/credentials` and `~/.databrickscfg` (Python configparser style):
 * `[section]`, `key = value` or `key: value`, whole-line `#` / `;` comments, CRLF, a BOM.
 * Keys are case-insensitive, section names are not. Values are kept verbatim (a password may
 * hold `#` or `;`). Unlike configparser, `[DEFAULT]` is NOT inherited by other sections: a
 * token is never sent to a host it was not written next to.
 */
export type IniSections = Map<string, Map<string, string>>;

export function parseIni(text: string): IniSections {
  const sections: IniSections = new Map();
  let current: Map<string, string> | undefined;
  for (const rawLine of text.replace(/^\uFEFF/, '').split(/\r?\n|\r/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[([^\]]*)\]$/.exec(line);
    if (header) {
      const name = header[1].trim();
      current = sections.get(name);
      if (!current) {
        current = new Map();
        sections.set(name, current);
      }
      continue;
    }
    const at = line.search(/[=:]/);
    if (at <= 0 || !current) continue; // no key, or a key before any section
    current.set(line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim());
  }
  return sections;
}

/** A non-empty value, or undefined. */
export function iniValue(ini: IniSections, section: string, key: string): string | undefined {
  const value = ini.get(section)?.get(key.toLowerCase());
  return value ? value : undefined;
}
