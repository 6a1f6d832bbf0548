/**
 * A throwaway private CA made with openssl at test time: a server certificate for 127.0.0.1 and
 * localhost (subjectAltName), and a client certificate whose certificate and key share one PEM,
 * as MLFLOW_TRACKING_CLIENT_CERT_PATH wants it. Nothing here is ever trusted outside the test.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface TestCa {
  dir: string;
  /** The CA certificate alone: what MLFLOW_TRACKING_SERVER_CERT_PATH points at. */
  caPath: string;
  caPem: string;
  serverCert: string;
  serverKey: string;
  /** Certificate and private key of the client, in one PEM file. */
  clientBundlePath: string;
  clientKey: string;
  /** The client certificate's common name, as the server sees it. */
  clientName: string;
  remove(): void;
}

export function opensslMissing(): string | undefined {
  const r = spawnSync('openssl', ['version'], { stdio: 'ignore' });
  return r.status === 0
    ? undefined
    : 'openssl is not installed, and the TLS tests make their certificates with it. Install it ("sudo apt-get install openssl" on Debian/Ubuntu; "npm test" does so when run as root).';
}

export function makeTestCa(options: { clientName?: string } = {}): TestCa {
  const missing = opensslMissing();
  if (missing) throw new Error(missing);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlflow-test-ca-'));
  const clientName = options.clientName ?? 'ana-client';
  const run = (...args: string[]) => {
    const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${r.stderr}`);
  };
  const key = (file: string) => run('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', file);
  key('ca.key');
  run(
    'req',
    '-x509',
    '-new',
    '-key',
    'ca.key',
    '-sha256',
    '-days',
    '2',
    '-subj',
    '/CN=MLflow Registry Test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
    '-out',
    'ca.pem',
  );
  const leaf = (name: string, cn: string, ext: string) => {
    key(`${name}.key`);
    fs.writeFileSync(path.join(dir, `${name}.ext`), ext);
    run('req', '-new', '-key', `${name}.key`, '-subj', `/CN=${cn}`, '-out', `${name}.csr`);
    run(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      '2',
      '-sha256',
      '-extfile',
      `${name}.ext`,
      '-out',
      `${name}.pem`,
    );
  };
  leaf('server', 'localhost', 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  leaf('client', clientName, 'extendedKeyUsage=clientAuth\n');
  const read = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
  const clientBundlePath = path.join(dir, 'client-bundle.pem');
  fs.writeFileSync(clientBundlePath, read('client.pem') + read('client.key'), { mode: 0o600 });
  return {
    dir,
    caPath: path.join(dir, 'ca.pem'),
    caPem: read('ca.pem'),
    serverCert: read('server.pem'),
    serverKey: read('server.key'),
    clientBundlePath,
    clientKey: read('client.key'),
    clientName,
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
