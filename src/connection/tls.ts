/** TLS choices from MLflow's own environment variables (the same names the Python client reads). */
import { envValue, type Env } from './environment';
import type { Platform } from './sources';
import type { TlsInfo } from './types';

export function resolveTls(env: Env, platform: Platform): TlsInfo {
  const insecureRaw = envValue(env, 'MLFLOW_TRACKING_INSECURE_TLS', platform);
  const caFile = envValue(env, 'MLFLOW_TRACKING_SERVER_CERT_PATH', platform);
  const clientCertFile = envValue(env, 'MLFLOW_TRACKING_CLIENT_CERT_PATH', platform);
  return {
    insecure:
      insecureRaw === undefined
        ? { value: false, source: 'default' }
        : { value: insecureRaw.toLowerCase() === 'true', source: 'env:MLFLOW_TRACKING_INSECURE_TLS' },
    caFile: caFile ? { value: caFile, source: 'env:MLFLOW_TRACKING_SERVER_CERT_PATH' } : undefined,
    clientCertFile: clientCertFile ? { value: clientCertFile, source: 'env:MLFLOW_TRACKING_CLIENT_CERT_PATH' } : undefined,
  };
}
