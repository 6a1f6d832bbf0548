import * as vscode from 'vscode';
import type { MlflowRegistryApi } from './api';
import { createApi } from './apiImpl';
import { optionalNode, requiredNode, textOrTitle, wholeView } from './commands/args';
import { ConnectCommand } from './commands/connect';
import { FilterCommands } from './commands/filter';
import { LinkCommands } from './commands/linkCommands';
import { RefreshCommands } from './commands/refresh';
import { registerCommands, runCommand } from './commands/runCommand';
import { AliasCommands } from './commands/manage/aliases';
import { CreateModelCommand } from './commands/manage/create';
import { DeleteCommands } from './commands/manage/delete';
import { DescriptionCommands } from './commands/manage/description';
import { RegisterVersionCommand } from './commands/manage/register';
import { RenameCommand } from './commands/manage/rename';
import { RevealCommand } from './commands/manage/reveal';
import { ManageSession } from './commands/manage/session';
import { TagCommands } from './commands/manage/tags';
import { TransitionCommands } from './commands/manage/transition';
import { SignIn } from './commands/signIn';
import { sortBy, toggleGroupByStage } from './commands/viewOptions';
import { DescriptionFileSystem } from './descriptions/fileSystem';
import { DESCRIPTION_SCHEME } from './descriptions/paths';
import { DetailsPanels } from './details/panels';
import { createLogger } from './logging/logger';
import { CapabilitiesService } from './services/capabilities';
import { ConnectionService } from './services/connectionService';
import { LocalConnections } from './services/localConnection';
import { LocalServers } from './services/localServers';
import { ReachabilityService } from './services/reachability';
import { RegistryClients } from './services/registryClients';
import { CredentialStore } from './services/secretStore';
import { readSettings } from './services/settings';
import { ConnectionStatus } from './status/connectionStatus';
import { ModelsView } from './tree/modelsView';

/** Wiring only: build services, hand them to the UI through constructors, register commands. */
export function activate(context: vscode.ExtensionContext): MlflowRegistryApi {
  const channel = vscode.window.createOutputChannel('MLflow Model Registry', { log: true });
  const log = createLogger(channel);
  const localServers = new LocalServers(context.extensionUri, log);
  const localConnections = new LocalConnections(localServers, log);
  const credentials = new CredentialStore(context.secrets, log);
  const clients = new RegistryClients(log);
  const connections = new ConnectionService(log, credentials, clients, localConnections);
  const reachability = new ReachabilityService(connections);
  const capabilities = new CapabilitiesService(connections, reachability, log);
  const models = new ModelsView(connections, localServers, capabilities, log);
  const status = new ConnectionStatus(connections, reachability, capabilities);
  const pageSize = () => readSettings().pageSize;
  const aliases = () => capabilities.aliases;
  const details = new DetailsPanels(context.extensionUri, connections, log, pageSize, aliases);
  const links = new LinkCommands(connections, (name) => models.tree.modelNamed(name), pageSize, aliases);
  const signIn = new SignIn(connections, credentials, log, [models.onDidFailListing]);
  const refresh = new RefreshCommands(connections, reachability, models.tree, signIn);
  const connect = new ConnectCommand(log, () => connections.reconnect());
  const filters = new FilterCommands(models);
  const session = new ManageSession(connections, models, details, log, pageSize, aliases);
  const transitions = new TransitionCommands(session);
  const aliasCommands = new AliasCommands(session);
  const tags = new TagCommands(session);
  const descriptions = new DescriptionCommands(session);
  const descriptionFiles = new DescriptionFileSystem(descriptions, models.tree.onDidChangeTreeData, log, connections.onDidChange);
  const renames = new RenameCommand(session);
  session.followRenamesWith(details, descriptionFiles);
  const deletes = new DeleteCommands(session);
  const reveal = new RevealCommand(session);
  const creates = new CreateModelCommand(session);
  const registers = new RegisterVersionCommand(session);
  stopLocalServers = () => localServers.retainOnly(undefined);
  context.subscriptions.push(
    channel,
    localServers,
    localConnections,
    connections,
    reachability,
    reachability.noteFailuresOf(models.onDidFailListing),
    capabilities,
    models,
    status,
    details,
    signIn,
    capabilities.onDidChange(() => details.refresh()),
    descriptionFiles,
    vscode.workspace.registerFileSystemProvider(DESCRIPTION_SCHEME, descriptionFiles, { isCaseSensitive: true }),
    models.dragAndDrop.onDidDropVersions((drop) => runCommand('mlflowRegistry.transitionStage', () => transitions.drop(drop), log)),
  );

  context.subscriptions.push(
    ...registerCommands(
      {
        'mlflowRegistry.connect': () => connect.run(),
        'mlflowRegistry.refresh': (...args) => refresh.refreshAll(wholeView('mlflowRegistry.refresh', args)),
        'mlflowRegistry.refreshModel': (arg) => refresh.refresh(requiredNode('mlflowRegistry.refreshModel', arg, ['model'])),
        'mlflowRegistry.retry': () => refresh.retry(),
        'mlflowRegistry.showLog': () => log.show(),
        'mlflowRegistry.forgetCredentials': () => signIn.forget(),
        'mlflowRegistry.sortBy': () => sortBy(),
        'mlflowRegistry.filter': (...args) => filters.filter(textOrTitle('mlflowRegistry.filter', args)),
        'mlflowRegistry.clearFilter': () => filters.clear(),
        'mlflowRegistry.toggleGroupByStage': () => toggleGroupByStage(),
        'mlflowRegistry.showDetails': (arg) => details.showDetails(optionalNode('mlflowRegistry.showDetails', arg, ['model', 'version'])),
        'mlflowRegistry.openInBrowser': (arg) =>
          links.openInBrowser(optionalNode('mlflowRegistry.openInBrowser', arg, ['model', 'version'])),
        'mlflowRegistry.copyModelUri': (arg) =>
          links.copyModelUri(optionalNode('mlflowRegistry.copyModelUri', arg, ['model', 'version', 'stageGroup'])),
        'mlflowRegistry.loadMoreVersions': (arg) =>
          models.tree.loadMoreVersions(requiredNode('mlflowRegistry.loadMoreVersions', arg, ['loadMoreVersions']).modelName),
        'mlflowRegistry.loadMoreModels': () => models.tree.loadMoreModels(),
        'mlflowRegistry.transitionStage': (...args) => transitions.transition(...args),
        'mlflowRegistry.archiveVersion': (...args) => transitions.archive(...args),
        'mlflowRegistry.setAlias': (...args) => aliasCommands.setAlias(...args),
        'mlflowRegistry.deleteAlias': (...args) => aliasCommands.deleteAlias(...args),
        'mlflowRegistry.setTag': (...args) => tags.setTag(...args),
        'mlflowRegistry.deleteTag': (...args) => tags.deleteTag(...args),
        'mlflowRegistry.editDescription': (...args) => descriptions.edit(...args),
        'mlflowRegistry.renameModel': (...args) => renames.rename(...args),
        'mlflowRegistry.deleteVersion': (...args) => deletes.deleteVersions(...args),
        'mlflowRegistry.deleteModel': (...args) => deletes.deleteModel(...args),
        'mlflowRegistry.revealVersion': (...args) => reveal.reveal(...args),
        'mlflowRegistry.createModel': (...args) => creates.create(...args),
        'mlflowRegistry.registerVersion': (...args) => registers.register(...args),
      },
      log,
    ),
  );

  return createApi(String(context.extension.packageJSON.version), connections.reconnect(), {
    connections,
    clients,
    tree: models.tree,
    capabilities,
    view: models.view,
    localServers,
  });
}

let stopLocalServers: (() => Promise<void>) | undefined;

/** Everything else is disposed through context.subscriptions; local servers are awaited so none outlives the window. */
export function deactivate(): Promise<void> | undefined {
  return stopLocalServers?.();
}
