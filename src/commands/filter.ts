import * as vscode from 'vscode';
import { describeFilter, filterPlan, type ModelFilter, parseFilterInput } from '../tree/filterInput';
import type { RegistryTreeProvider } from '../tree/registryTree';

/** filter / clearFilter: what the Models view lists, said in the view's message while active. */
export class FilterCommands {
  private current: { filter: ModelFilter; input: string } | undefined;

  constructor(private readonly tree: RegistryTreeProvider) {}

  /** "Showing models matching …", or undefined when nothing is filtered. */
  get notice(): string | undefined {
    return this.current
      ? vscode.l10n.t('Showing models matching {0}. Clear the filter to see all.', describeFilter(this.current.filter))
      : undefined;
  }

  /** Asks for the filter (or takes it as an argument, e.g. from a keybinding). */
  async filter(arg?: unknown): Promise<void> {
    const input =
      typeof arg === 'string'
        ? arg
        : await vscode.window.showInputBox({
            title: vscode.l10n.t('Filter Models'),
            prompt: vscode.l10n.t("A part of the name, tag=value, or an MLflow filter such as name LIKE 'wind%'"),
            value: this.current?.input,
            placeHolder: 'forecast   ·   task=forecasting   ·   tags.team = "wind"',
          });
    if (input === undefined) return;
    const filter = parseFilterInput(input);
    if (!filter) return this.clear();
    this.current = { filter, input };
    await vscode.commands.executeCommand('setContext', 'mlflowRegistry.filtered', true);
    this.tree.setFilter(filterPlan(filter));
  }

  async clear(): Promise<void> {
    this.current = undefined;
    await vscode.commands.executeCommand('setContext', 'mlflowRegistry.filtered', false);
    this.tree.setFilter(undefined);
  }
}
