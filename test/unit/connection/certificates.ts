/** A throwaway CA, a server certificate (mlflow.test, localhost, 127.0.0.1) and a client certificate, made by openssl. */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export interface TestCertificates {
  dir: string;
  caPem: string;
  serverPem: string;
  serverKey: string;
  /** Certificate and key in one PEM, as MLFLOW_TRACKING_CLIENT_CERT_PATH wants. */
  clientBundlePath: string;
  caPath: string;
}

export function hasOpenssl(): boolean {
  return spawnSync('openssl', ['version'], { stdio: 'ignore' }).status === 0;
}

export function makeCertificates(dir: string): TestCertificates {
  const run = (...args: string[]) => {
    const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${r.stderr}`);
  };
  const key = (name: string) => run('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', name);
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
    '/CN=Connection Test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
    '-out',
    'ca.pem',
  );
  const leaf = (name: string, cn: string, ext: string) => {
    key(`${name}.key`);
    writeFileSync(path.join(dir, `${name}.ext`), ext);
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
  leaf('server', 'mlflow.test', 'subjectAltName=DNS:mlflow.test,DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  leaf('client', 'ana-client', 'extendedKeyUsage=clientAuth\n');
  const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');
  const clientBundlePath = path.join(dir, 'client-bundle.pem');
  writeFileSync(clientBundlePath, read('client.pem') + read('client.key'));
  return {
    dir,
    caPem: read('ca.pem'),
    serverPem: read('server.pem'),
    serverKey: read('server.key'),
    clientBundlePath,
    caPath: path.join(dir, 'ca.pem'),
  };
}
