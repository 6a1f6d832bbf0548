import * as vscode from 'vscode';
import type { RegistryNode, StageGroupNode, VersionNode } from './nodes';

export const VERSIONS_MIME = 'application/vnd.code.tree.mlflowregistry.models';

/** A drop of versions on a stage group: the transition command decides (and asks) what happens. */
export interface VersionsDrop {
  versions: VersionNode[];
  target: StageGroupNode;
}

/**
 * Versions can be dragged onto a stage group. The controller only says what was dropped where;
 * the transition command asks the same questions as from the menu and refuses a drop on
 * another model's group.
 */
export class VersionDragAndDrop implements vscode.TreeDragAndDropController<RegistryNode>, vscode.Disposable {
  readonly dragMimeTypes = [VERSIONS_MIME];
  readonly dropMimeTypes = [VERSIONS_MIME];
  private readonly dropped = new vscode.EventEmitter<VersionsDrop>();
  readonly onDidDropVersions = this.dropped.event;
  /** What is being dragged (tree items travel within this window only). */
  private dragging: VersionNode[] = [];

  handleDrag(source: readonly RegistryNode[], dataTransfer: vscode.DataTransfer): void {
    this.dragging = source.filter((n): n is VersionNode => n.kind === 'version');
    if (!this.dragging.length) return;
    dataTransfer.set(VERSIONS_MIME, new vscode.DataTransferItem(this.dragging.map((n) => n.id)));
  }

  handleDrop(target: RegistryNode | undefined, dataTransfer: vscode.DataTransfer): void {
    if (!dataTransfer.get(VERSIONS_MIME) || !this.dragging.length) return;
    const versions = this.dragging;
    this.dragging = [];
    if (target?.kind !== 'stageGroup') return; // a drop elsewhere means nothing
    this.dropped.fire({ versions, target });
  }

  dispose(): void {
    this.dropped.dispose();
  }
}
