import * as vscode from 'vscode';
import { DescriptionConflict, type Subject } from '../lifecycle/actions';
import type { Logger } from '../logging/logger';
import { isRegistryError } from '../registry/errors';
import { checkDescription } from '../registry/validate';
import { describeError } from '../ui/describeError';
import { DescriptionClock } from './clock';
import { ConflictPrompts } from './conflict';
import { reopenUnderNewName } from './followRename';
import { descriptionFileName, parseDescriptionPath } from './paths';
import { SNAPSHOT_AUTHORITY } from './snapshots';
import { descriptionUri, subjectLabel, subjectOf } from './uri';

/** Reading and writing descriptions in the connected registry (the commands implement it: client, progress, tree, Undo). */
export interface DescriptionStore {
  read(subject: Subject): Promise<string>;
  /**
   * Writes `text`. With `expected`, the registry's text is read again first and nothing is
   * written when it differs (DescriptionConflict). `quiet`: an auto save, which offers no Undo.
   */
  save(subject: Subject, text: string, options: { expected?: string; quiet: boolean }): Promise<void>;
}

/** How long registry changes gather before open descriptions are read again. */
const RELOAD_DELAY_MS = 500;

/**
 * Descriptions as Markdown files (`mlflow-description:` URIs, see paths.ts), so they open in a
 * normal editor tab with preview, and Ctrl+S saves them to the registry. A save is checked
 * against the text the document was opened with (or last saved): when someone else changed it
 * meanwhile, nothing is written, VS Code keeps the document dirty with the reason, and a
 * notification offers Compare, Overwrite and Keep Editing.
 */
export class DescriptionFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  private readonly clock = new DescriptionClock(Date.now());
  /** Per document path: the registry's text when the document read it or last saved it; a save expects it still there. */
  private readonly bases = new Map<string, string>();
  /** Document paths whose next save skips that check once (the user chose Overwrite). */
  private readonly overwriteOnce = new Set<string>();
  /** Per document: why VS Code is saving it (VS Code tells save participants, not providers). */
  private readonly saveReasons = new Map<string, vscode.TextDocumentSaveReason>();
  private readonly conflicts: ConflictPrompts;
  private readonly subscriptions: vscode.Disposable[];
  private reloadTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: DescriptionStore,
    /** Fires when the extension read the registry again (after a change, a refresh, an Undo). */
    registryChanged: vscode.Event<unknown>,
    private readonly log: Logger,
    /** Another registry is connected: what documents read before belongs to the old one. */
    connectionChanged: vscode.Event<unknown>,
  ) {
    this.conflicts = new ConflictPrompts((uri) => this.overwrite(uri), log);
    this.subscriptions = [
      this.changed,
      registryChanged(() => this.scheduleReload()),
      connectionChanged(() => this.bases.clear()),
      vscode.workspace.onWillSaveTextDocument((e) => {
        if (subjectOf(e.document.uri)) this.saveReasons.set(e.document.uri.toString(), e.reason);
      }),
    ];
  }

  dispose(): void {
    clearTimeout(this.reloadTimer);
    for (const d of this.subscriptions) d.dispose();
  }

  watch(): vscode.Disposable {
    // Changes made elsewhere are found when the registry is read again (scheduleReload) and at save.
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const snapshot = this.conflicts.snapshots.get(uri);
    if (snapshot)
      return {
        type: vscode.FileType.File,
        ctime: snapshot.time,
        mtime: snapshot.time,
        size: bytes(snapshot.text).length,
        permissions: vscode.FilePermission.Readonly,
      };
    const parsed = uri.authority === '' ? parseDescriptionPath(uri.path) : undefined;
    if (!parsed) throw vscode.FileSystemError.FileNotFound(uri);
    if (parsed.kind === 'folder') return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    const text = await this.read(parsed.subject);
    const mtime = this.clock.mtime(uri.path, text);
    return { type: vscode.FileType.File, ctime: mtime, mtime, size: bytes(text).length };
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    // A folder holds the one description its path leads to (listing every model is the Models view's job).
    const parsed = uri.authority === '' ? parseDescriptionPath(uri.path) : undefined;
    if (parsed?.kind !== 'folder') throw vscode.FileSystemError.FileNotADirectory(uri);
    return parsed.holds ? [[descriptionFileName(parsed.holds), vscode.FileType.File]] : [];
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const snapshot = this.conflicts.snapshots.get(uri);
    if (snapshot) return bytes(snapshot.text);
    const subject = this.subjectOrThrow(uri);
    const text = await this.read(subject);
    // A dirty document keeps the text it started from: reading for a diff or a peek must not
    // make someone else's change look like the base of the user's edit.
    if (!isDirty(uri)) this.bases.set(uri.path, text);
    return bytes(text);
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    if (uri.authority === SNAPSHOT_AUTHORITY)
      throw vscode.FileSystemError.NoPermissions(vscode.l10n.t("This is a snapshot of the registry's text; it cannot be saved."));
    const subject = this.subjectOrThrow(uri);
    const text = new TextDecoder().decode(content);
    const where = subjectLabel(subject);
    try {
      checkDescription(text); // before anything is sent
    } catch (e) {
      throw new vscode.FileSystemError(describeError(e));
    }
    const overwrite = this.overwriteOnce.delete(uri.path);
    const expected = overwrite ? undefined : this.bases.get(uri.path);
    if (!overwrite && expected === undefined) {
      // Opened before the registry connection changed (or restored from a backup): nothing says what
      // the user's edit started from, so the registry's text is shown to compare before anything is written.
      const theirs = await this.read(subject);
      this.conflicts.refused(uri, subject, theirs);
      throw new vscode.FileSystemError(
        vscode.l10n.t(
          'The description of {0} was opened before the registry connection changed; compare it with the registry’s text, or Overwrite.',
          where,
        ),
      );
    }
    // Auto save (on by default in VS Code for the web) writes at every pause: no Undo offer for each.
    const reason = this.saveReasons.get(uri.toString());
    this.saveReasons.delete(uri.toString());
    const quiet = reason !== undefined && reason !== vscode.TextDocumentSaveReason.Manual;
    try {
      await this.store.save(subject, text, { expected, quiet });
    } catch (e) {
      if (e instanceof DescriptionConflict) {
        this.log.info(
          `not saved: the description of ${where} changed since it was opened (the user chooses Compare, Overwrite or Keep Editing)`,
        );
        this.conflicts.refused(uri, subject, e.theirs);
        throw new vscode.FileSystemError(
          vscode.l10n.t('Someone else changed the description of {0} since you opened it; yours is kept here, not saved.', where),
        );
      }
      this.log.warn(`saving the description of ${where}: ${e instanceof Error ? e.message : String(e)}`);
      const sentence = describeError(e);
      throw isRegistryError(e) && e.isPermissionDenied
        ? vscode.FileSystemError.NoPermissions(sentence)
        : new vscode.FileSystemError(sentence);
    }
    this.bases.set(uri.path, text);
  }

  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('The registry holds descriptions only; create models from the Models view.'));
  }

  delete(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('A description cannot be deleted; save it empty to clear it.'));
  }

  rename(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Rename the model in the Models view; its open descriptions follow.'));
  }

  /**
   * A model was renamed (renameModel): its open descriptions are opened again under the new
   * name, unsaved text and all, and the old tabs close (see followRename.ts).
   */
  followRename(oldName: string, newName: string): void {
    for (const doc of vscode.workspace.textDocuments) {
      const subject = subjectOf(doc.uri);
      if (subject?.model !== oldName) continue;
      const newUri = descriptionUri({ ...subject, model: newName });
      const base = this.bases.get(doc.uri.path);
      void reopenUnderNewName(doc, newUri, (carried) => {
        // Unsaved text is still an edit of the text it started from; a clean document starts from what it just read.
        if (carried && base !== undefined) this.bases.set(newUri.path, base);
        this.bases.delete(doc.uri.path);
      }).catch((e: unknown) => this.log.warn(`following the rename of ${oldName} to ${newName}: ${String(e)}`));
    }
  }

  private async overwrite(uri: vscode.Uri): Promise<void> {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!doc?.isDirty) return;
    this.overwriteOnce.add(uri.path);
    if (!(await doc.save())) this.overwriteOnce.delete(uri.path);
  }

  /** Open descriptions without unsaved changes show the registry's text again (after an Undo, say). */
  private scheduleReload(): void {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      const events = vscode.workspace.textDocuments
        .filter((d) => subjectOf(d.uri) && !d.isDirty)
        .map((d) => ({ type: vscode.FileChangeType.Changed, uri: d.uri }));
      if (events.length) this.changed.fire(events);
    }, RELOAD_DELAY_MS);
  }

  private subjectOrThrow(uri: vscode.Uri): Subject {
    const subject = subjectOf(uri);
    if (!subject) throw vscode.FileSystemError.FileNotFound(uri);
    return subject;
  }

  private async read(subject: Subject): Promise<string> {
    try {
      return await this.store.read(subject);
    } catch (e) {
      const sentence = describeError(e);
      if (isRegistryError(e) && e.isNotFound) throw vscode.FileSystemError.FileNotFound(sentence);
      if (isRegistryError(e) && e.isPermissionDenied) throw vscode.FileSystemError.NoPermissions(sentence);
      throw vscode.FileSystemError.Unavailable(sentence);
    }
  }
}

const bytes = (text: string) => new TextEncoder().encode(text);

function isDirty(uri: vscode.Uri): boolean {
  return vscode.workspace.textDocuments.some((d) => d.isDirty && d.uri.toString() === uri.toString());
}
