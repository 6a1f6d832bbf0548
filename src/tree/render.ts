import * as vscode from 'vscode';
import type { ModelVersion, RegisteredModel, Stage } from '../registry/types';
import { type RegistryNode, type StageGroupNode, type VersionNode } from './nodes';
import { escapeMarkdown } from '../ui/markdown';
import { formatAge, formatTime } from '../ui/time';
import { latestSummary, stageLabel } from '../ui/labels';

const STAGE_ICON: Record<Stage, [string, string | undefined]> = {
  Production: ['rocket', 'charts.green'],
  Staging: ['beaker', 'charts.yellow'],
  None: ['circle-outline', undefined],
  Archived: ['archive', 'disabledForeground'],
};

/** What the server lacks and the tree therefore hides. */
export interface RenderOptions {
  /** False on a server without model aliases: no alias text or `alias;` flag on model rows (version nodes carry none then). */
  aliases?: boolean;
}

/** The one place a node becomes a TreeItem. */
export function renderNode(
  node: RegistryNode,
  expanded: (id: string) => boolean | undefined,
  options: RenderOptions = {},
): vscode.TreeItem {
  switch (node.kind) {
    case 'model': {
      const showAliases = options.aliases !== false;
      const item = new vscode.TreeItem(
        node.model.name,
        expanded(node.id) ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
      );
      item.id = node.id;
      item.description = latestSummary(node.model);
      item.iconPath = new vscode.ThemeIcon('package');
      item.tooltip = modelTooltip(node.model, showAliases);
      item.contextValue = `mlflowRegistry.model;${showAliases && node.model.aliases.length ? 'alias;' : ''}${node.model.tags.length ? 'tag;' : ''}`;
      item.accessibilityInformation = { label: vscode.l10n.t('Model {0}, {1}', node.model.name, String(item.description)) };
      return item;
    }
    case 'stageGroup':
      return renderStageGroup(node, expanded(node.id));
    case 'version':
      return renderVersion(node);
    case 'loadMoreVersions':
    case 'loadMoreModels': {
      const item = new vscode.TreeItem(vscode.l10n.t('Load more…'), vscode.TreeItemCollapsibleState.None);
      item.id = node.id;
      item.iconPath = new vscode.ThemeIcon('ellipsis');
      item.contextValue = `mlflowRegistry.${node.kind}`;
      item.command =
        node.kind === 'loadMoreVersions'
          ? { command: 'mlflowRegistry.loadMoreVersions', title: vscode.l10n.t('Load more…'), arguments: [node] }
          : { command: 'mlflowRegistry.loadMoreModels', title: vscode.l10n.t('Load more…'), arguments: [node] };
      return item;
    }
  }
}

function renderStageGroup(node: StageGroupNode, isExpanded: boolean | undefined): vscode.TreeItem {
  const defaultState = node.stage === 'Archived' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded;
  const state =
    isExpanded === undefined
      ? defaultState
      : isExpanded
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed;
  const item = new vscode.TreeItem(stageLabel(node.stage), state);
  item.id = node.id;
  item.description = node.complete ? String(node.count) : `${node.count}+`;
  const [icon, color] = STAGE_ICON[node.stage];
  item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
  item.contextValue = `mlflowRegistry.stageGroup;stage:${node.stage};`;
  item.tooltip = node.complete
    ? vscode.l10n.t('{0} versions in {1}', node.count, stageLabel(node.stage))
    : vscode.l10n.t('{0} versions in {1} so far; more pages of versions are not loaded yet', node.count, stageLabel(node.stage));
  return item;
}

function renderVersion(node: VersionNode): vscode.TreeItem {
  const v = node.version;
  const item = new vscode.TreeItem(vscode.l10n.t('Version {0}', v.version), vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  const parts: string[] = [];
  if (node.aliases.length) parts.push(node.aliases.map((a) => `@${a}`).join(' '));
  if (v.lastUpdatedTimestamp ?? v.creationTimestamp) parts.push(formatAge(v.creationTimestamp ?? v.lastUpdatedTimestamp!));
  if (v.userId) parts.push(v.userId);
  if (v.status === 'PENDING_REGISTRATION') parts.push(vscode.l10n.t('registering…'));
  if (v.status === 'FAILED_REGISTRATION') parts.push(vscode.l10n.t('registration failed'));
  item.description = parts.join(' · ');
  item.iconPath = versionIcon(v);
  item.tooltip = versionTooltip(v, node.aliases);
  item.contextValue = `mlflowRegistry.version;stage:${v.currentStage};status:${v.status};${node.aliases.length ? 'alias;' : ''}${v.tags.length ? 'tag;' : ''}`;
  return item;
}

function versionIcon(v: ModelVersion): vscode.ThemeIcon {
  if (v.status === 'PENDING_REGISTRATION') return new vscode.ThemeIcon('loading~spin');
  if (v.status === 'FAILED_REGISTRATION') return new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
  const [icon, color] = STAGE_ICON[v.currentStage];
  return new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
}

/** Markdown built from our own structure; every registry-supplied text is escaped first. */
function md(): vscode.MarkdownString {
  const m = new vscode.MarkdownString('', true);
  m.isTrusted = false;
  m.supportHtml = false;
  return m;
}

function field(m: vscode.MarkdownString, label: string, value: string | undefined): void {
  if (!value) return;
  m.appendMarkdown(`**${label}:** `);
  m.appendMarkdown(escapeMarkdown(value));
  m.appendMarkdown('  \n');
}

export function modelTooltip(model: RegisteredModel, showAliases = true): vscode.MarkdownString {
  const m = md();
  m.appendMarkdown('$(package) **');
  m.appendMarkdown(escapeMarkdown(model.name));
  m.appendMarkdown('**\n\n');
  const firstLine = model.description.split(/\r?\n/).find((l) => l.trim()) ?? '';
  if (firstLine) {
    m.appendMarkdown(escapeMarkdown(firstLine));
    m.appendMarkdown('\n\n');
  }
  field(m, vscode.l10n.t('Latest'), latestSummary(model));
  if (showAliases) field(m, vscode.l10n.t('Aliases'), model.aliases.map((a) => `@${a.alias} → v${a.version}`).join(', '));
  field(m, vscode.l10n.t('Tags'), model.tags.map((t) => `${t.key}=${t.value}`).join(', '));
  field(m, vscode.l10n.t('Last updated'), model.lastUpdatedTimestamp ? formatTime(model.lastUpdatedTimestamp) : undefined);
  return m;
}

export function versionTooltip(v: ModelVersion, aliases: string[]): vscode.MarkdownString {
  const m = md();
  m.appendMarkdown('**');
  m.appendMarkdown(escapeMarkdown(`${v.name} · ${vscode.l10n.t('Version {0}', v.version)}`));
  m.appendMarkdown('**\n\n');
  if (v.description) {
    m.appendMarkdown(escapeMarkdown(v.description));
    m.appendMarkdown('\n\n');
  }
  field(m, vscode.l10n.t('Stage'), stageLabel(v.currentStage));
  field(m, vscode.l10n.t('Status'), v.status === 'READY' ? undefined : `${v.status}${v.statusMessage ? ` (${v.statusMessage})` : ''}`);
  field(m, vscode.l10n.t('Aliases'), aliases.map((a) => `@${a}`).join(', '));
  field(m, vscode.l10n.t('Tags'), v.tags.map((t) => `${t.key}=${t.value}`).join(', '));
  field(m, vscode.l10n.t('Run'), v.runId);
  field(m, vscode.l10n.t('Source'), v.source);
  field(m, vscode.l10n.t('Registered'), v.creationTimestamp ? formatTime(v.creationTimestamp) : undefined);
  field(m, vscode.l10n.t('Last modified'), v.lastUpdatedTimestamp ? formatTime(v.lastUpdatedTimestamp) : undefined);
  field(m, vscode.l10n.t('Created by'), v.userId);
  return m;
}
