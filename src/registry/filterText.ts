/**
 * Quoting a value in an MLflow filter. MLflow only strips the outer quotes (doubling a quote
 * does not escape it), so a value with `'` goes in double quotes and one with `"` in single
 * quotes. A value with both cannot be written exactly: it is matched with LIKE, `_` standing
 * for each quote, and the caller keeps only exact matches.
 */
export function quoteFilterValue(value: string): { text: string; exact: boolean } {
  if (!value.includes("'")) return { text: `'${value}'`, exact: true };
  if (!value.includes('"')) return { text: `"${value}"`, exact: true };
  return { text: `'${value.replace(/['"]/g, '_')}'`, exact: false };
}

/** `name = '...'` for one model, or a LIKE that the caller must narrow to exact matches. */
export function exactNameFilter(name: string): string {
  const q = quoteFilterValue(name);
  return q.exact ? `name = ${q.text}` : `name LIKE ${q.text}`;
}
