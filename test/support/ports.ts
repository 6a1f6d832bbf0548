/** True when nothing answers HTTP at `url` any more (the server and its workers are gone). */
export async function portClosed(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
    return false;
  } catch {
    return true;
  }
}
