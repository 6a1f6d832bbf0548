import * as vscode from 'vscode';
import { createRegisteredModel, parseTagInput, type TagInputProblem } from '../../lifecycle/create';
import { messages } from '../../registry/errorMessages';
import type { Tag } from '../../registry/types';
import { MAX_DESCRIPTION } from '../../registry/validate';
import { textOrTitle } from '../args';
import type { ManageSession } from './session';

/** A typed tag's problem as a sentence for an input box. */
export function tagInputSentence(p: TagInputProblem): string {
  return p.kind === 'noEquals'
    ? vscode.l10n.t('Write the tag as key=value, for example team=forecasting.')
    : vscode.l10n.t(messages[p.problem.messageId], p.problem.params);
}

/** A new model's name: not empty (the server decides on "/" and ":", and the sentence explains its refusal). */
export function askModelName(title: string, value?: string): Thenable<string | undefined> {
  return vscode.window
    .showInputBox({
      title,
      value,
      prompt: vscode.l10n.t('The registered model’s name; scripts load it as models:/<name>/<version>.'),
      placeHolder: vscode.l10n.t('for example power-forecasting-model'),
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter a name for the model.')),
    })
    .then((v) => v?.trim() || undefined);
}

/**
 * Tags, one `key=value` per input box, until an empty one. Undefined when the user cancels
 * (Escape): the whole command stops.
 */
export async function askTags(title: string): Promise<Tag[] | undefined> {
  const tags: Tag[] = [];
  for (;;) {
    const shown = tags.map((t) => `${t.key}=${t.value}`).join(', ');
    const text = await vscode.window.showInputBox({
      title,
      prompt: shown
        ? vscode.l10n.t('Tags so far: {0}. Another key=value, or Enter on an empty box to finish.', shown)
        : vscode.l10n.t('Optional: a tag as key=value, or Enter on an empty box for no tags.'),
      placeHolder: vscode.l10n.t('key=value'),
      ignoreFocusOut: true,
      validateInput: (v) => {
        if (!v.trim()) return undefined;
        const parsed = parseTagInput(v);
        return 'problem' in parsed ? tagInputSentence(parsed.problem) : undefined;
      },
    });
    if (text === undefined) return undefined;
    if (!text.trim()) return tags;
    const parsed = parseTagInput(text);
    if ('tag' in parsed) {
      const i = tags.findIndex((t) => t.key === parsed.tag.key);
      if (i >= 0) tags.splice(i, 1);
      tags.push(parsed.tag);
    }
  }
}

/** createModel: a name, an optional description and tags; the Models view then lists and selects it. */
export class CreateModelCommand {
  constructor(private readonly session: ManageSession) {}

  async create(...args: unknown[]): Promise<void> {
    // The view's title passes its focused row and selection (meaning nothing here); another extension may pass a name to start from.
    const suggested = textOrTitle('mlflowRegistry.createModel', args);
    const client = this.session.client();
    const title = vscode.l10n.t('Create a Registered Model');
    const name = await askModelName(title, suggested);
    if (!name) return;
    const description = await vscode.window.showInputBox({
      title: vscode.l10n.t('Description of {0}', name),
      prompt: vscode.l10n.t('Optional (Markdown); Enter on an empty box for none. Edit it later with Edit Description.'),
      ignoreFocusOut: true,
      validateInput: (v) =>
        v.length > MAX_DESCRIPTION
          ? vscode.l10n.t(messages['error.descriptionTooLong'], { length: v.length, max: MAX_DESCRIPTION })
          : undefined,
    });
    if (description === undefined) return;
    const tags = await askTags(vscode.l10n.t('Tags of {0}', name));
    if (tags === undefined) return;
    await this.session.write(name, vscode.l10n.t('Creating {0}…', name), () =>
      createRegisteredModel(client, name, { description: description.trim(), tags }),
    );
    await this.session.showChange([name], { model: name });
    void vscode.window.showInformationMessage(vscode.l10n.t('Created the registered model {0}.', name));
  }
}
