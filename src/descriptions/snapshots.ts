import * as vscode from 'vscode';
import type { Subject } from '../lifecycle/actions';
import { DESCRIPTION_SCHEME, descriptionFileName } from './paths';

/** Snapshots live under this authority of the description scheme: read-only, never the registry's own documents. */
export const SNAPSHOT_AUTHORITY = 'theirs';

/** How many snapshots are kept (each is one conflict's "theirs"; older ones are only needed by diff editors still open). */
const KEEP = 50;

/**
 * What the registry held when a save was refused, frozen, for the Compare diff's left side: the
 * text the user compares against must not move while they read it.
 */
export class Snapshots {
  private readonly texts = new Map<string, { text: string; time: number }>();
  private counter = 0;

  add(subject: Subject, text: string): vscode.Uri {
    const path = `/${++this.counter}/${descriptionFileName(subject)}`;
    this.texts.set(path, { text, time: Date.now() });
    for (const old of [...this.texts.keys()].slice(0, Math.max(0, this.texts.size - KEEP))) this.texts.delete(old);
    return vscode.Uri.from({ scheme: DESCRIPTION_SCHEME, authority: SNAPSHOT_AUTHORITY, path });
  }

  get(uri: vscode.Uri): { text: string; time: number } | undefined {
    return uri.authority === SNAPSHOT_AUTHORITY ? this.texts.get(uri.path) : undefined;
  }
}
