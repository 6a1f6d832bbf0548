/** The desktop route's VS Code: downloaded once into .testbed/, or one sentence saying it cannot be. */
import { downloadAndUnzipVSCode } from '@vscode/test-electron';
import { downloadFailureMessage } from './desktopOptions';

/** A download that did not happen: the route cannot run on this machine (no stack to show). */
export class DesktopUnavailable extends Error {}

type Download = (options: { version: string; cachePath: string; timeout: number }) => Promise<string>;

export async function downloadVsCode(version: string, cachePath: string, download: Download = downloadAndUnzipVSCode): Promise<string> {
  try {
    // The timeout is idle time without data: a network that drops the connection fails in 30 s, not never.
    return await download({ version, cachePath, timeout: 30_000 });
  } catch (e) {
    throw new DesktopUnavailable(downloadFailureMessage(version, e));
  }
}
