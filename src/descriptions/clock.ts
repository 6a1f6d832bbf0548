/**
 * The mtime the description file system reports. A registry description has no modification
 * time of its own (the model's `last_updated_timestamp` moves on every stage change, alias or
 * tag), so the provider makes one up that changes exactly when the text does.
 *
 * It counts down, never up: VS Code refuses a save with its own "the file is newer" dialog
 * when stat() shows a newer mtime (and another size) than the document was read with, before
 * the provider's writeFile runs. The provider's writeFile reads the description again and
 * offers Compare / Overwrite / Keep Editing itself; with VS Code's dialog in front of it, the
 * user would meet two conflict dialogs for one conflict (VS Code's Overwrite ends in ours). An
 * mtime that only ever goes back is never "newer", so ours is the only one.
 *
 * Plain Node: the unit tests check the rule.
 */
export class DescriptionClock {
  private next: number;
  private readonly last = new Map<string, { text: string; mtime: number }>();

  constructor(start: number) {
    this.next = start;
  }

  /** The mtime of `text` at `key`: the same as last time when the text is the same, else an earlier one than any so far. */
  mtime(key: string, text: string): number {
    const last = this.last.get(key);
    if (last?.text === text) return last.mtime;
    const mtime = this.next--;
    this.last.set(key, { text, mtime });
    return mtime;
  }
}
