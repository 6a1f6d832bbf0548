/**
 * Escapes untrusted text (descriptions, tags, names from the registry) for a MarkdownString:
 * every Markdown and HTML special character is escaped so nothing renders as a link, an image,
 * a command or markup. Unlike MarkdownString.appendText it keeps ordinary spaces, so long
 * text wraps between words. Pure: unit-tested without VS Code.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|~>$]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/\r?\n/g, '  \n');
}
