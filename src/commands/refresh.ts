import type { ConnectionService } from '../services/connectionService';
import type { ReachabilityService } from '../services/reachability';
import type { ModelNode } from '../tree/nodes';
import type { RegistryTreeProvider } from '../tree/registryTree';
import type { SignIn } from './signIn';

/** refresh (everything, or one model's row) and retry (after an error: sign in again, reconnect). */
export class RefreshCommands {
  constructor(
    private readonly connections: ConnectionService,
    private readonly reachability: ReachabilityService,
    private readonly tree: RegistryTreeProvider,
    private readonly signIn: SignIn,
  ) {}

  /** The view title's Refresh, the palette, keybindings: everything. */
  refreshAll(_checkedArguments?: void): Promise<void> {
    return this.refresh(undefined);
  }

  async refresh(node: ModelNode | undefined): Promise<void> {
    await this.tree.refresh(node);
    // A whole refresh also asks whether the server answers (the status bar may be stale).
    if (!node) void this.reachability.check();
  }

  async retry(): Promise<void> {
    this.signIn.allowAskingAgain();
    if (!this.connections.connection) return this.connections.reconnect();
    await this.tree.refresh();
    void this.reachability.check();
  }
}
