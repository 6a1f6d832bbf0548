/**
 * Turns registry entities into the DetailsView the webview draws. Pure (no `vscode`): every
 * sentence and label comes in through DetailsText, which the host fills with vscode.l10n.t and
 * the unit tests with English.
 */
import type { ColumnSpec, MlModel, ModelVersion, ModelVersionStatus, Run, Stage, Tag } from '../registry/types';
import type { Block, DetailsView, Fact, Inline, Section } from '../shared/detailsProtocol';
import { firstLine } from '../ui/plainText';
import type { DetailsData, ModelDetailsData, Outcome, VersionDetailsData } from './load';

export interface DetailsText {
  modelKind: string;
  versionKind: string;
  versionTitle(name: string, version: string): string;
  versionLabel(version: string): string;
  stage(stage: Stage): string;
  status(status: ModelVersionStatus): string;
  /** A timestamp as the editor's language writes it. */
  time(timestamp: number): string;
  /** An error as one sentence. */
  error(e: unknown): string;
  registeredAt: string;
  createdBy: string;
  stageLabel: string;
  lastModified: string;
  statusLabel: string;
  aliases: string;
  tags: string;
  sourceRun: string;
  source: string;
  created: string;
  description: string;
  noDescription: string;
  none: string;
  signature: string;
  inputs: string;
  outputs: string;
  inferenceParams: string;
  noSignature: string;
  mlModelFailed(detail: string): string;
  columnName: string;
  columnType: string;
  columnRequired: string;
  columnDefault: string;
  yes: string;
  no: string;
  unnamed: string;
  tensor(dtype: string, shape: string): string;
  run: string;
  noRun: string;
  runFailed(detail: string): string;
  parameters: string;
  metrics: string;
  noParameters: string;
  noMetrics: string;
  key: string;
  value: string;
  step: string;
  versions: string;
  noVersions: string;
  versionsTruncated(count: number): string;
  columnVersion: string;
  columnStage: string;
  columnAliases: string;
  columnRegistered: string;
  columnCreatedBy: string;
  columnDescription: string;
}

/** What the server lacks and the panel therefore omits. */
export interface ViewOptions {
  /** False on a server without model aliases: no alias fact, badge or column. */
  aliases?: boolean;
}

export function buildView(data: DetailsData, text: DetailsText, options: ViewOptions = {}): DetailsView {
  return data.kind === 'version' ? buildVersionView(data, text, options) : buildModelView(data, text, options);
}

/** A fact with no value (no user recorded, no alias): a dash, not "None", which is also a stage. */
const NOT_SET = '—';

const plain = (t: string): Inline => ({ text: t });
const code = (t: string): Inline => ({ text: t, style: 'code' });
const stageChip = (stage: Stage, text: DetailsText): Inline => ({ text: text.stage(stage), style: 'stage', stage });

function timeFact(label: string, timestamp: number | undefined, text: DetailsText): Fact {
  return { label, value: timestamp ? [{ text: text.time(timestamp), title: new Date(timestamp).toISOString() }] : [] };
}

function tagChips(tags: Tag[]): Inline[] {
  return [...tags]
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((t) => ({ text: t.value === '' ? t.key : `${t.key}=${t.value}`, style: 'chip' }));
}

export function buildVersionView(data: VersionDetailsData, text: DetailsText, options: ViewOptions = {}): DetailsView {
  const v = data.version;
  const aliases = options.aliases === false ? [] : [...v.aliases].sort();
  const run = data.run?.ok ? data.run.value : undefined;
  const runValue: Inline[] = [];
  if (v.runId) {
    const label = run?.info.runName ? run.info.runName : v.runId;
    runValue.push(
      run
        ? { text: label, link: { kind: 'run', experimentId: run.info.experimentId, runId: run.info.runId }, title: v.runId }
        : code(v.runId),
    );
    if (run?.info.runName) runValue.push({ text: v.runId, style: 'muted' });
  }
  const status: Inline[] = [plain(text.status(v.status))];
  if (v.statusMessage) status.push({ text: v.statusMessage, style: 'muted' });
  const facts: Fact[] = [
    timeFact(text.registeredAt, v.creationTimestamp, text),
    { label: text.createdBy, value: v.userId ? [plain(v.userId)] : [] },
    { label: text.stageLabel, value: [stageChip(v.currentStage, text)] },
    timeFact(text.lastModified, v.lastUpdatedTimestamp, text),
    { label: text.statusLabel, value: status },
    ...(options.aliases === false ? [] : [{ label: text.aliases, value: aliases.map((a) => ({ text: `@${a}`, style: 'chip' as const })) }]),
    { label: text.tags, value: tagChips(v.tags) },
    { label: text.sourceRun, value: runValue },
    { label: text.source, value: v.source ? [code(v.source)] : [] },
  ];
  return {
    target: { kind: 'version', name: v.name, version: v.version },
    title: text.versionTitle(v.name, v.version),
    kindLabel: text.versionKind,
    badges: [stageChip(v.currentStage, text), ...aliases.map((a) => ({ text: `@${a}`, style: 'chip' as const }))],
    facts,
    emptyText: NOT_SET,
    description: { title: text.description, markdown: v.description, emptyText: text.noDescription },
    sections: [signatureSection(data.mlModel, text), runSection(v, data.run, text)],
  };
}

function columnType(c: ColumnSpec, text: DetailsText): string {
  if (c.tensorSpec) return text.tensor(c.tensorSpec.dtype, `(${c.tensorSpec.shape.join(', ')})`);
  return c.type;
}

function columnsTable(caption: string, columns: ColumnSpec[] | undefined, id: string, text: DetailsText): Block {
  return {
    kind: 'table',
    id,
    caption,
    columns: [{ label: text.columnName }, { label: text.columnType }, { label: text.columnRequired }],
    rows: (columns ?? []).map((c) => [
      c.name === undefined ? [{ text: text.unnamed, style: 'muted' }] : [code(c.name)],
      [plain(columnType(c, text))],
      [plain(c.required === false ? text.no : text.yes)],
    ]),
    emptyText: text.none,
  };
}

function signatureSection(mlModel: Outcome<MlModel>, text: DetailsText): Section {
  const section: Section = { id: 'signature', title: text.signature, blocks: [] };
  if (!mlModel.ok) {
    section.blocks.push({ kind: 'message', tone: 'error', text: text.mlModelFailed(text.error(mlModel.error)) });
    return section;
  }
  const sig = mlModel.value.signature;
  if (!sig || (!sig.inputs && !sig.outputs)) {
    section.blocks.push({ kind: 'message', tone: 'info', text: text.noSignature });
    return section;
  }
  section.blocks.push(columnsTable(text.inputs, sig.inputs, 'signature-inputs', text));
  section.blocks.push(columnsTable(text.outputs, sig.outputs, 'signature-outputs', text));
  if (sig.params?.length) {
    section.blocks.push({
      kind: 'table',
      id: 'signature-params',
      caption: text.inferenceParams,
      columns: [{ label: text.columnName }, { label: text.columnType }, { label: text.columnDefault }],
      rows: sig.params.map((p) => [[code(p.name)], [plain(p.type)], p.default === undefined ? [] : [code(JSON.stringify(p.default))]]),
      emptyText: text.none,
    });
  }
  return section;
}

function runSection(v: ModelVersion, run: Outcome<Run> | undefined, text: DetailsText): Section {
  const section: Section = { id: 'run', title: text.run, blocks: [] };
  if (!v.runId || !run) {
    section.blocks.push({ kind: 'message', tone: 'info', text: text.noRun });
    return section;
  }
  if (!run.ok) {
    section.blocks.push({ kind: 'message', tone: 'error', text: text.runFailed(text.error(run.error)) });
    return section;
  }
  const byKey = <T extends { key: string }>(a: T, b: T) => a.key.localeCompare(b.key);
  section.blocks.push({
    kind: 'table',
    id: 'run-params',
    caption: text.parameters,
    columns: [{ label: text.key }, { label: text.value, wrap: true }],
    rows: [...run.value.data.params].sort(byKey).map((p) => [[code(p.key)], [plain(p.value)]]),
    emptyText: text.noParameters,
  });
  section.blocks.push({
    kind: 'table',
    id: 'run-metrics',
    caption: text.metrics,
    columns: [{ label: text.key }, { label: text.value, align: 'end' }, { label: text.step, align: 'end' }],
    rows: [...run.value.data.metrics]
      .sort(byKey)
      .map((m) => [[code(m.key)], [plain(String(m.value))], m.step === undefined ? [] : [plain(String(m.step))]]),
    emptyText: text.noMetrics,
  });
  return section;
}

export function buildModelView(data: ModelDetailsData, text: DetailsText, options: ViewOptions = {}): DetailsView {
  const m = data.model;
  const withAliases = options.aliases !== false;
  const aliasesOf = new Map<string, string[]>();
  for (const a of m.aliases) aliasesOf.set(a.version, [...(aliasesOf.get(a.version) ?? []), a.alias]);
  const aliasChips = [...m.aliases]
    .sort((a, b) => a.alias.localeCompare(b.alias))
    .map((a): Inline => ({
      text: `@${a.alias} → v${a.version}`,
      style: 'chip',
      link: { kind: 'details', target: { kind: 'version', name: m.name, version: a.version } },
    }));
  // Open-source MLflow often records no user: the column shows only when some version has one.
  const withUser = data.versions.some((v) => v.userId);
  const rows = data.versions.map((v): Inline[][] => [
    [{ text: text.versionLabel(v.version), link: { kind: 'details', target: { kind: 'version', name: m.name, version: v.version } } }],
    [stageChip(v.currentStage, text), ...(v.status === 'READY' ? [] : [{ text: text.status(v.status), style: 'muted' as const }])],
    ...(withAliases ? [(aliasesOf.get(v.version) ?? []).sort().map((a) => ({ text: `@${a}`, style: 'chip' as const }))] : []),
    v.creationTimestamp ? [{ text: text.time(v.creationTimestamp), title: new Date(v.creationTimestamp).toISOString() }] : [],
    ...(withUser ? [v.userId ? [plain(v.userId)] : []] : []),
    v.description ? [{ text: firstLine(v.description), title: v.description }] : [],
  ]);
  const blocks: Block[] = [
    {
      kind: 'table',
      id: 'versions',
      columns: [
        { label: text.columnVersion },
        { label: text.columnStage },
        ...(withAliases ? [{ label: text.columnAliases }] : []),
        { label: text.columnRegistered },
        ...(withUser ? [{ label: text.columnCreatedBy }] : []),
        { label: text.columnDescription, wrap: true },
      ],
      rows,
      emptyText: text.noVersions,
    },
  ];
  if (data.truncated) blocks.push({ kind: 'message', tone: 'info', text: text.versionsTruncated(data.versions.length) });
  return {
    target: { kind: 'model', name: m.name },
    title: m.name,
    kindLabel: text.modelKind,
    badges: [],
    facts: [
      timeFact(text.created, m.creationTimestamp, text),
      timeFact(text.lastModified, m.lastUpdatedTimestamp, text),
      ...(withAliases ? [{ label: text.aliases, value: aliasChips }] : []),
      { label: text.tags, value: tagChips(m.tags) },
    ],
    emptyText: NOT_SET,
    description: { title: text.description, markdown: m.description, emptyText: text.noDescription },
    sections: [{ id: 'versions', title: text.versions, blocks }],
  };
}
