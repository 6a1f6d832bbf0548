import * as vscode from 'vscode';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

/** "3 days ago", in the editor's language. */
export function formatAge(timestamp: number, now = Date.now()): string {
  const diff = timestamp - now;
  const fmt = new Intl.RelativeTimeFormat(vscode.env.language || 'en', { numeric: 'auto' });
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return fmt.format(Math.round(diff / ms), unit);
  }
  return fmt.format(0, 'minute');
}

export function formatTime(timestamp: number): string {
  return new Date(timestamp).toLocaleString(vscode.env.language || 'en');
}
