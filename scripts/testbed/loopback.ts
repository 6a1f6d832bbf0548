/** What the loopback proxies of the test bed share: listening, closing with their sockets, forwarding. */
import * as http from 'node:http';
import type { AddressInfo, Server, Socket } from 'node:net';

/** Listens on 127.0.0.1 and a free port, tracking sockets so `closeServer` can end keep-alive ones. */
export async function listen(server: Server, sockets: Set<Socket>, connectionEvent = 'connection'): Promise<number> {
  server.on(connectionEvent, (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

export async function closeServer(server: Server | undefined, sockets: Set<Socket>): Promise<void> {
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
}

export async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Sends the request on to the real server and streams its answer back (502 when it is down). */
export function forward(
  target: URL,
  method: string,
  url: string,
  headers: http.OutgoingHttpHeaders,
  body: Buffer,
  res: http.ServerResponse,
): Promise<void> {
  return new Promise((resolve) => {
    const upstream = http.request(
      { host: target.hostname, port: target.port, method, path: url, headers: { ...headers, host: target.host } },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
        up.on('end', resolve);
        up.on('error', () => resolve());
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
