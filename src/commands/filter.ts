import * as vscode from 'vscode';
import { parseFilterInput } from '../tree/filterInput';
import type { ModelsView } from '../tree/modelsView';

/** filter / clearFilter: what the Models view lists (the view says so while a filter is on). */
export class FilterCommands {
  constructor(private readonly models: ModelsView) {}

  /** Asks for the filter, or takes it as a text argument (e.g. from a keybinding's args). */
  async filter(text: string | undefined): Promise<void> {
    const input =
      text ??
      (await vscode.window.showInputBox({
        title: vscode.l10n.t('Filter Models'),
        prompt: vscode.l10n.t("A part of the name, tag=value, or an MLflow filter such as name LIKE 'wind%'"),
        value: this.models.filterInput,
        placeHolder: 'forecast   ·   task=forecasting   ·   tags.team = "wind"',
      }));
    if (input === undefined) return;
    const filter = parseFilterInput(input);
    await this.models.setFilter(filter, input);
  }

  clear(): Promise<void> {
    return this.models.setFilter(undefined);
  }
}
