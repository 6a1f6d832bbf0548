// Text helpers with no vscode import: the plain-Node details view model uses them too.

/** The first non-empty line of a description, for a table cell. */
export function firstLine(description: string): string {
  return (
    description
      .split(/\r?\n/)
      .map((l) => l.trim())
      .find((l) => l) ?? ''
  );
}
