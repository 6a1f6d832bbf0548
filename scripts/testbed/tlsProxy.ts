/**
 * A TLS-terminating loopback proxy (node:https) in front of a real MLflow server: the registry as
 * a user behind a company's private CA sees it. It serves a certificate for 127.0.0.1 and
 * localhost (see certificates.ts), can require a client certificate signed by a given CA (mutual
 * TLS), and forwards every request unchanged over plain http to the server behind it.
 */
import type * as http from 'node:http';
import * as https from 'node:https';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { closeServer, forward, listen, readBody } from './loopback';

export interface TlsProxyOptions {
  cert: string;
  key: string;
  /** Require a client certificate issued by this CA (PEM); handshakes without one fail. */
  clientCa?: string;
}

export interface TlsProxyRequest {
  method: string;
  url: string;
  /** The client certificate's common name, when one was presented. */
  clientCertificate?: string;
}

export class TlsProxy {
  readonly requests: TlsProxyRequest[] = [];
  /** Handshakes the proxy refused or that the client broke off (an untrusted certificate, no client certificate). */
  readonly failedHandshakes: string[] = [];
  private server?: https.Server;
  private readonly sockets = new Set<Socket>();
  private readonly target: URL;

  constructor(
    target: string,
    private readonly options: TlsProxyOptions,
  ) {
    this.target = new URL(target);
  }

  /** Listens on 127.0.0.1 and a free port; resolves to the port (use https://127.0.0.1:<port> or https://localhost:<port>). */
  async start(): Promise<number> {
    const { cert, key, clientCa } = this.options;
    this.server = https.createServer(
      clientCa ? { cert, key, requestCert: true, rejectUnauthorized: true, ca: clientCa } : { cert, key },
      (req, res) => void this.handle(req, res),
    );
    this.server.on('tlsClientError', (err: NodeJS.ErrnoException) => this.failedHandshakes.push(err.code ?? err.message));
    return listen(this.server, this.sockets);
  }

  count(pathPart = ''): number {
    return this.requests.filter((r) => r.url.includes(pathPart)).length;
  }

  reset(): void {
    this.requests.length = 0;
    this.failedHandshakes.length = 0;
  }

  async stop(): Promise<void> {
    await closeServer(this.server, this.sockets);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const peer = (req.socket as TLSSocket).getPeerCertificate();
    const cn = peer?.subject?.CN;
    this.requests.push({ method, url, clientCertificate: Array.isArray(cn) ? cn.join(',') : cn || undefined });
    await forward(this.target, method, url, req.headers, await readBody(req), res);
  }
}
