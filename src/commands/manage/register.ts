import * as vscode from 'vscode';
import {
  findLoggableModels,
  headlineMetrics,
  type LoggableModel,
  type RegisterTarget,
  registerLoggable,
  runById,
  RunNotFoundError,
  waitForRegistration,
} from '../../lifecycle/register';
import type { RegistryClient } from '../../registry/client';
import type { Experiment, ModelVersion, RegisteredModel, Run } from '../../registry/types';
import { latestSummary } from '../../ui/labels';
import { firstLine } from '../../ui/plainText';
import { formatTime } from '../../ui/time';
import { optionalNode, textOrTitle } from '../args';
import { askModelName } from './create';
import type { ManageSession } from './session';

/** The most experiments, runs or models a pick lists (typing narrows them). */
const MAX_ITEMS = 1000;

interface Item<T> extends vscode.QuickPickItem {
  value?: T;
}

async function take<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) {
    out.push(item);
    if (out.length >= MAX_ITEMS) break;
  }
  return out;
}

const formatNumber = (n: number) => n.toLocaleString(vscode.env.language || 'en', { maximumSignificantDigits: 4 });

/** "linear-a" or, for a run without a name, the start of its id. */
const runName = (run: Run) => run.info.runName || run.info.runId.slice(0, 8);

function runItem(run: Run): Item<Run> {
  const metrics = headlineMetrics(run).map((m) => `${m.key} ${formatNumber(m.value)}`);
  return {
    label: runName(run),
    description: [run.info.startTime ? formatTime(run.info.startTime) : undefined, run.info.status].filter(Boolean).join(' · '),
    detail: [...metrics, vscode.l10n.t('run {0}', run.info.runId)].join(' · '),
    value: run,
  };
}

function loggableItem(m: LoggableModel): Item<LoggableModel> {
  return {
    label: m.name,
    description:
      m.kind === 'loggedModel'
        ? vscode.l10n.t('logged model {0}', m.modelId ?? '')
        : vscode.l10n.t('artifact folder with an MLmodel (MLflow 2)'),
    detail: m.source,
    value: m,
  };
}

/**
 * The model chosen already: a model row (its context menu; the view's title passes the focused
 * row too), or a name from another extension. Other rows (the title's focus on a version) mean
 * none; anything else is refused in one sentence.
 */
function presetModel(args: readonly unknown[]): string | undefined {
  const [first] = args;
  const looksLikeModelRow = typeof first === 'object' && first !== null && (first as { kind?: unknown }).kind === 'model';
  if (looksLikeModelRow) return optionalNode('mlflowRegistry.registerVersion', first, ['model'])?.model.name;
  return textOrTitle('mlflowRegistry.registerVersion', args)?.trim() || undefined;
}

/** registerVersion: a run's model (picked, or from a run id typed in) as a new version of a new or existing model. */
export class RegisterVersionCommand {
  constructor(private readonly session: ManageSession) {}

  async register(...args: unknown[]): Promise<void> {
    const preset = presetModel(args);
    const client = this.session.client();
    const title = preset ? vscode.l10n.t('Register a Version of {0}', preset) : vscode.l10n.t('Register a Version from a Run');

    const run = await this.pickRun(client, title);
    if (!run) return;
    const loggable = await this.pickLoggable(client, run, title);
    if (!loggable) return;
    const target: RegisterTarget | undefined = preset !== undefined ? { model: preset } : await this.pickTarget(client, title);
    if (!target) return;

    const { version } = await this.session.write(target.model, vscode.l10n.t('Registering a version of {0}…', target.model), () =>
      registerLoggable(client, loggable, target),
    );
    await this.session.showChange([target.model], { model: target.model, version: version.version });
    if (version.status === 'PENDING_REGISTRATION') {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Version {0} of {1} is registering; a message will say when it is ready.', version.version, target.model),
      );
      void this.watch(client, version);
    } else if (version.status === 'FAILED_REGISTRATION') {
      this.sayFailed(version);
    } else {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Registered {0} of run {1} as version {2} of {3}.', loggable.name, runName(run), version.version, target.model),
      );
    }
  }

  /** Experiment, then run (most recent first); or a run id typed in. */
  private async pickRun(client: RegistryClient, title: string): Promise<Run | undefined> {
    const byId: Item<Experiment> = { label: vscode.l10n.t('Enter a run ID…'), alwaysShow: true };
    // Items that always show go last: while the user types, the first match (not them) takes Enter.
    const experiments = take(client.tracking.searchExperiments({ orderBy: ['last_update_time DESC'], pageSize: 200 })).then((list) => [
      ...list.map((e): Item<Experiment> => ({
        label: e.name,
        description: vscode.l10n.t('experiment {0}', e.experimentId),
        detail: e.lastUpdateTime ? vscode.l10n.t('updated {0}', formatTime(e.lastUpdateTime)) : undefined,
        value: e,
      })),
      byId,
    ]);
    const picked = await vscode.window.showQuickPick(experiments, {
      title,
      placeHolder: vscode.l10n.t('Pick the experiment of the run, or enter a run ID'),
      matchOnDescription: true,
      ignoreFocusOut: true,
    });
    if (!picked) return undefined;
    if (picked === byId || !picked.value) return this.runFromId(client, title);
    const experiment = picked.value;

    const runs = take(
      client.tracking.searchRuns([experiment.experimentId], { orderBy: ['attributes.start_time DESC'], pageSize: 200 }),
    ).then((list): Item<Run>[] =>
      list.length ? list.map(runItem) : [{ label: vscode.l10n.t('The experiment {0} has no runs.', experiment.name), alwaysShow: true }],
    );
    const run = await vscode.window.showQuickPick(runs, {
      title: `${title}: ${experiment.name}`,
      placeHolder: vscode.l10n.t('Pick a run (most recent first); type its name or ID'),
      matchOnDescription: true,
      matchOnDetail: true,
      ignoreFocusOut: true,
    });
    return run?.value;
  }

  private async runFromId(client: RegistryClient, title: string): Promise<Run | undefined> {
    const id = (
      await vscode.window.showInputBox({
        title,
        prompt: vscode.l10n.t('The run’s ID, as on its page in the MLflow UI or in run.info.run_id.'),
        ignoreFocusOut: true,
        validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter a run ID.')),
      })
    )?.trim();
    if (!id) return undefined;
    try {
      return await runById(client, id);
    } catch (e) {
      if (e instanceof RunNotFoundError) {
        throw new Error(vscode.l10n.t('There is no run with the ID "{0}" at {1}. Check the ID on the run’s page.', e.runId, e.host), {
          cause: e,
        });
      }
      throw e;
    }
  }

  /** The run's model: the only one, or picked; an error sentence when it logged none. */
  private async pickLoggable(client: RegistryClient, run: Run, title: string): Promise<LoggableModel | undefined> {
    const found = await vscode.window.withProgress(
      { location: { viewId: 'mlflowRegistry.models' }, title: vscode.l10n.t('Looking for the models of run {0}…', runName(run)) },
      () => findLoggableModels(client, run),
    );
    if (!found.models.length) {
      throw new Error(
        vscode.l10n.t(
          'The run {0} ({1}) has no model to register: it logged no MLflow model, and none of its artifact folders holds an MLmodel file.',
          runName(run),
          run.info.runId,
        ),
      );
    }
    if (found.models.length === 1) return found.models[0];
    const picked = await vscode.window.showQuickPick(found.models.map(loggableItem), {
      title: `${title}: ${runName(run)}`,
      placeHolder: vscode.l10n.t('Pick the model to register'),
      matchOnDescription: true,
      matchOnDetail: true,
      ignoreFocusOut: true,
    });
    return picked?.value;
  }

  /** An existing model (most recently updated first) or a new one. */
  private async pickTarget(client: RegistryClient, title: string): Promise<RegisterTarget | undefined> {
    const newModel: Item<RegisteredModel> = { label: `$(add) ${vscode.l10n.t('New registered model…')}`, alwaysShow: true };
    const models = take(client.models.search({ orderBy: ['last_updated_timestamp DESC'], pageSize: this.session.pageSize() })).then(
      (list) => [
        ...list.map((m): Item<RegisteredModel> => ({
          label: m.name,
          description: latestSummary(m),
          detail: firstLine(m.description) || undefined,
          value: m,
        })),
        newModel,
      ],
    );
    const picked = await vscode.window.showQuickPick(models, {
      title,
      placeHolder: vscode.l10n.t('Register it as a new version of which model?'),
      matchOnDescription: true,
      ignoreFocusOut: true,
    });
    if (!picked) return undefined;
    if (picked.value) return { model: picked.value.name };
    const name = await askModelName(vscode.l10n.t('New registered model'));
    return name ? { model: name, create: true } : undefined;
  }

  /** A version still registering: read until it settles (the tree shows it spinning meanwhile), then say so. */
  private async watch(client: RegistryClient, version: ModelVersion): Promise<void> {
    try {
      const settled = await waitForRegistration(client, version.name, version.version);
      await this.session.refreshModels([version.name]);
      if (settled.status === 'READY') {
        void vscode.window.showInformationMessage(
          vscode.l10n.t('Version {0} of {1} is registered and ready.', settled.version, settled.name),
        );
      } else if (settled.status === 'FAILED_REGISTRATION') {
        this.sayFailed(settled);
      } else {
        this.session.log.info(`${settled.name} v${settled.version} is still registering; the Models view shows when it settles.`);
      }
    } catch (e) {
      this.session.log.warn(`waiting for ${version.name} v${version.version} to register: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private sayFailed(v: ModelVersion): void {
    void vscode.window.showErrorMessage(
      vscode.l10n.t(
        'Registering version {0} of {1} failed: {2}',
        v.version,
        v.name,
        v.statusMessage || vscode.l10n.t('the registry gave no reason.'),
      ),
    );
  }
}
