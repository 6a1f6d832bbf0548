// The words after `node scripts/test.mjs`: a suite (all by default), flags, then a mocha grep.
//   exthost --desktop details   the extension-host suite in a downloaded desktop VS Code, tests matching "details"
// Plain .mjs: scripts/test.mjs reads its arguments before anything is compiled.

/** Flags the test script knows; any other word starting with "--" is a mistake, not a grep. */
const FLAGS = new Set(['--desktop']);

/** @returns {{ mode: string, desktop: boolean, grep: string | undefined, error?: string }} */
export function parseTestArgs(args) {
  const [first, ...rest] = args;
  const startsWithFlag = first?.startsWith('--');
  const mode = first === undefined || startsWithFlag ? 'all' : first;
  const words = startsWithFlag ? args : rest;
  const unknown = words.filter((w) => w.startsWith('--') && !FLAGS.has(w));
  const grep = words.filter((w) => !w.startsWith('--')).join(' ') || undefined;
  const parsed = { mode, desktop: words.includes('--desktop'), grep };
  if (unknown.length) return { ...parsed, error: `unknown option ${unknown.join(', ')} (known: ${[...FLAGS].join(', ')})` };
  if (parsed.desktop && mode !== 'exthost' && mode !== 'all')
    return { ...parsed, error: `--desktop applies to the exthost suite, not to ${mode}` };
  return parsed;
}
