/**
 * A Databricks workspace stand-in: a loopback HTTP proxy in front of the real MLflow server that
 * wants `Authorization: Bearer <token>` (a personal access token, as a workspace does), answers
 * 401 `{"error_code":"UNAUTHENTICATED","message":...}` without one or with a wrong one, and
 * forwards everything else unchanged (minus the token: the server behind needs none).
 *
 * It shows what the client does with a workspace's registry: the same REST API under the host
 * from `~/.databrickscfg` or DATABRICKS_HOST, a bearer token, a 401 for a bad token. It cannot
 * show the rest of a real workspace:
 * - https with a public certificate, and the workspace URL's shapes (`https://adb-<id>.<n>.azuredatabricks.net`,
 *   `?o=<workspace id>`, a path prefix) or a host behind a corporate proxy;
 * - authentication other than a personal access token: OAuth (U2M, M2M with client id and secret),
 *   Azure AD tokens, the Databricks CLI's token cache, token expiry and refresh;
 * - rate limits (429 with Retry-After per workspace), IP access lists, and 403s from the workspace's
 *   model permissions (CAN_READ, CAN_EDIT, CAN_MANAGE);
 * - Unity Catalog (`databricks-uc`, `/api/2.0/mlflow/unity-catalog/...`, `catalog.schema.model`, aliases without stages);
 * - the workspace registry's own limits and differences from open-source MLflow (e.g. version search
 *   capped at 10,000 per page, its own error texts); the server behind is open-source MLflow, so routes a
 *   workspace may lack (`/health`, `/version`, the `mlflow-artifacts` proxy) answer here.
 */
import * as http from 'node:http';
import type { Socket } from 'node:net';
import { closeServer, forward, listen, readBody } from './loopback';

export interface TokenProxyRequest {
  method: string;
  url: string;
  /** What the Authorization header held; the token itself is never recorded. */
  credential: 'valid' | 'wrongToken' | 'notBearer' | 'none';
  forwarded: boolean;
}

export class TokenProxy {
  readonly requests: TokenProxyRequest[] = [];
  private server?: http.Server;
  private readonly sockets = new Set<Socket>();
  private readonly target: URL;
  private readonly tokens: Set<string>;

  /** `tokens`: the personal access tokens the "workspace" accepts. */
  constructor(target: string, tokens: readonly string[]) {
    this.target = new URL(target);
    this.tokens = new Set(tokens);
  }

  /** Listens on 127.0.0.1 and a free port; resolves to the "workspace host" URL. */
  async start(): Promise<string> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    return `http://127.0.0.1:${await listen(this.server, this.sockets)}`;
  }

  /** Requests whose path contains `pathPart` and carried the given credential (any when omitted). */
  count(pathPart = '', credential?: TokenProxyRequest['credential']): number {
    return this.requests.filter((r) => r.url.includes(pathPart) && (!credential || r.credential === credential)).length;
  }

  reset(): void {
    this.requests.length = 0;
  }

  async stop(): Promise<void> {
    await closeServer(this.server, this.sockets);
  }

  private credential(header: string | undefined): TokenProxyRequest['credential'] {
    if (!header) return 'none';
    const m = /^Bearer\s+(.+)$/i.exec(header.trim());
    if (!m) return 'notBearer';
    return this.tokens.has(m[1].trim()) ? 'valid' : 'wrongToken';
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const body = await readBody(req);
    const credential = this.credential(req.headers.authorization);
    const record: TokenProxyRequest = { method, url, credential, forwarded: credential === 'valid' };
    this.requests.push(record);
    if (credential !== 'valid') {
      const message =
        credential === 'wrongToken' ? 'Invalid access token.' : 'Credential was not sent or was of an unsupported type for this API.';
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error_code: 'UNAUTHENTICATED', message }));
      return;
    }
    const headers = { ...req.headers, host: this.target.host };
    delete headers.authorization;
    await forward(this.target, method, url, headers, body, res);
  }
}
