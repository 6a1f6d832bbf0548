/**
 * A loopback HTTP proxy in front of a real MLflow server that injects faults on demand:
 * statuses (429 with Retry-After, 503, an HTML 502), connection resets, slow answers and
 * truncated JSON. Everything not faulted is forwarded unchanged.
 */
import * as http from 'node:http';
import type { Socket } from 'node:net';
import { closeServer, listen, readBody } from './loopback';

export type Fault =
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string; contentType?: string }
  /** Drops the connection without an answer. */
  | { kind: 'reset' }
  /** Waits, then forwards. */
  | { kind: 'delay'; ms: number }
  /** Forwards, but sends only the first half of the real body (with the full Content-Length) and hangs up. */
  | { kind: 'truncate' };

export interface ProxiedRequest {
  method: string;
  url: string;
  fault?: Fault['kind'];
  at: number;
}

interface Rule {
  fault: Fault;
  match: (method: string, url: string) => boolean;
  remaining: number;
}

export class FaultProxy {
  readonly requests: ProxiedRequest[] = [];
  private readonly rules: Rule[] = [];
  private server?: http.Server;
  private readonly sockets = new Set<Socket>();
  private readonly target: URL;

  constructor(target: string) {
    this.target = new URL(target);
  }

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    return `http://127.0.0.1:${await listen(this.server, this.sockets)}`;
  }

  /** Applies `fault` to the next `times` requests whose path contains `pathPart` (any request when omitted). */
  inject(fault: Fault, opts: { pathPart?: string; method?: string; times?: number } = {}): void {
    this.rules.push({
      fault,
      remaining: opts.times ?? 1,
      match: (method, url) => (!opts.pathPart || url.includes(opts.pathPart)) && (!opts.method || opts.method === method),
    });
  }

  /** Requests that reached the proxy whose path contains `pathPart`. */
  count(pathPart = ''): number {
    return this.requests.filter((r) => r.url.includes(pathPart)).length;
  }

  reset(): void {
    this.rules.length = 0;
    this.requests.length = 0;
  }

  async stop(): Promise<void> {
    await closeServer(this.server, this.sockets);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const body = await readBody(req);
    const rule = this.rules.find((r) => r.remaining > 0 && r.match(method, url));
    if (rule) rule.remaining--;
    this.requests.push({ method, url, fault: rule?.fault.kind, at: Date.now() });
    const fault = rule?.fault;

    if (fault?.kind === 'status') {
      const text =
        fault.body ??
        (fault.contentType?.includes('html')
          ? '<html><head><title>Bad gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>'
          : '');
      res.writeHead(fault.status, { 'content-type': fault.contentType ?? 'application/json', ...fault.headers });
      res.end(text);
      return;
    }
    if (fault?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
    if (res.destroyed || req.socket.destroyed) return;
    await this.forward(method, url, req.headers, body, res, fault?.kind === 'truncate');
  }

  private forward(
    method: string,
    url: string,
    headers: http.IncomingHttpHeaders,
    body: Buffer,
    res: http.ServerResponse,
    truncate: boolean,
  ): Promise<void> {
    return new Promise((resolve) => {
      const upstream = http.request(
        { host: this.target.hostname, port: this.target.port, method, path: url, headers: { ...headers, host: this.target.host } },
        (up) => {
          const parts: Buffer[] = [];
          up.on('data', (d: Buffer) => parts.push(d));
          up.on('end', () => {
            const full = Buffer.concat(parts);
            const outHeaders = { ...up.headers };
            delete outHeaders['transfer-encoding'];
            outHeaders['content-length'] = String(full.length);
            res.writeHead(up.statusCode ?? 502, outHeaders);
            if (truncate) {
              res.write(full.subarray(0, Math.floor(full.length / 2)));
              setTimeout(() => res.socket?.destroy(), 20);
            } else {
              res.end(full);
            }
            resolve();
          });
        },
      );
      upstream.on('error', () => {
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
        res.end('upstream error');
        resolve();
      });
      upstream.end(body);
    });
  }
}
