/**
 * Which links in a registry description the details panel treats as links: the webview renders
 * exactly these as links, and the host opens exactly these (anything else stays text, and the
 * host refuses it should a message ask anyway). Pure, no imports: both sides use this one rule.
 *
 * - an absolute http(s) URL with a host;
 * - a `mailto:` with one plain address and, optionally, `subject` and `body`, nothing else
 *   (no `cc`, `bcc`, `attach` or other headers a mail program might honour, no second address,
 *   no control characters but a body's line breaks, no `&` or `#` inside a subject or body).
 */

const MAX_LENGTH = 8192;
/** One plain address: letters, digits, `.`, `_`, `+` and `-` before the `@`; a dotted DNS name (IDNs arrive as punycode) after it. */
const ADDRESS =
  /^[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/;
const MAILTO_FIELDS = ['subject', 'body'] as const;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** The URL to open for a link in a description, normalized, or undefined when it stays text. */
export function descriptionLinkUrl(href: unknown): string | undefined {
  if (typeof href !== 'string' || href.length > MAX_LENGTH) return undefined;
  const trimmed = href.trim();
  return /^mailto:/i.test(trimmed) ? mailtoUrl(trimmed) : httpUrl(trimmed);
}

/** An absolute http(s) URL with a host name (`http://` or `https://` spelled out), normalized by URL; anything else undefined. */
export function httpUrl(href: unknown): string | undefined {
  if (typeof href !== 'string' || href.length > MAX_LENGTH || !/^\s*https?:\/\//i.test(href)) return undefined;
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (!url.hostname) return undefined;
  return url.toString();
}

function decode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

function mailtoUrl(href: string): string | undefined {
  const rest = href.slice('mailto:'.length);
  if (rest.includes('#')) return undefined;
  const q = rest.indexOf('?');
  const address = decode(q < 0 ? rest : rest.slice(0, q));
  if (!address || !ADDRESS.test(address)) return undefined;
  const fields = new Map<string, string>();
  if (q >= 0) {
    for (const pair of rest.slice(q + 1).split('&')) {
      if (!pair) continue;
      const eq = pair.indexOf('=');
      const key = decode(eq < 0 ? pair : pair.slice(0, eq))?.toLowerCase();
      const value = decode(eq < 0 ? '' : pair.slice(eq + 1));
      if (key === undefined || value === undefined) return undefined;
      if (!(MAILTO_FIELDS as readonly string[]).includes(key) || fields.has(key)) return undefined;
      if ((key === 'subject' ? CONTROL : CONTROL_BUT_LINES).test(value)) return undefined;
      // VS Code decodes a URI before it hands it to the browser or the OS (openExternal), so an
      // encoded `&` would come out as a field separator (`subject=x%26cc%3D...` as a `cc`), `#` as a fragment.
      if (/[&#]/.test(value)) return undefined;
      fields.set(key, value);
    }
  }
  const query = MAILTO_FIELDS.filter((k) => fields.has(k))
    .map((k) => `${k}=${encodeURIComponent(fields.get(k)!)}`)
    .join('&');
  return `mailto:${address}${query ? `?${query}` : ''}`;
}
