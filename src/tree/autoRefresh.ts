import type * as vscode from 'vscode';

/** Calls `tick` every `seconds()` seconds (0: never), restarted when the setting changes. */
export class AutoRefresh implements vscode.Disposable {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly seconds: () => number,
    private readonly tick: () => void,
  ) {
    this.restart();
  }

  restart(): void {
    this.dispose();
    const s = this.seconds();
    if (s > 0) this.timer = setInterval(this.tick, Math.max(5, s) * 1000);
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
