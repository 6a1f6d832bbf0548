import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { detectStores, localStoreFromUri } from '../../../src/localServer/store';

describe('local stores a started server can serve', () => {
  it('reads a relative SQLite URI against the workspace folder, as MLflow reads it against the working folder', () => {
    const s = localStoreFromUri('sqlite:///mlflow.db', '/w/proj', 'linux')!;
    assert.equal(s.kind, 'sqlite');
    assert.equal(s.path, '/w/proj/mlflow.db');
    assert.equal(s.backendStoreUri, 'sqlite:////w/proj/mlflow.db');
    assert.equal(s.artifactsDir, '/w/proj/mlartifacts');
    assert.equal(s.label, 'mlflow.db');
  });

  it('keeps an absolute SQLite path (four slashes) and a Windows drive path', () => {
    assert.equal(localStoreFromUri('sqlite:////data/runs.db', undefined, 'linux')!.path, '/data/runs.db');
    const w = localStoreFromUri('sqlite:///C:\\data\\mlflow.db', 'D:\\x', 'win32')!;
    assert.equal(w.path, 'C:\\data\\mlflow.db');
    assert.equal(w.backendStoreUri, 'sqlite:///C:\\data\\mlflow.db');
  });

  it('reads file: URIs and plain paths as an mlruns folder', () => {
    const f = localStoreFromUri('file:///home/ana/mlruns', undefined, 'linux')!;
    assert.deepEqual([f.kind, f.path, f.backendStoreUri], ['file', '/home/ana/mlruns', 'file:///home/ana/mlruns']);
    assert.equal(localStoreFromUri('./mlruns', '/w', 'linux')!.path, '/w/mlruns');
    assert.equal(localStoreFromUri('mlruns', '/w', 'linux')!.backendStoreUri, 'file:///w/mlruns');
    assert.equal(localStoreFromUri('C:\\runs\\mlruns', undefined, 'win32')!.path, 'C:\\runs\\mlruns');
    assert.equal(localStoreFromUri('file:./mlruns', '/w', 'linux')!.path, '/w/mlruns', 'file:./mlruns stays relative, as MLflow reads it');
    assert.equal(localStoreFromUri('file:mlruns', '/w', 'linux')!.path, '/w/mlruns');
  });

  it('serves no other database, no in-memory store and no relative path without a folder', () => {
    assert.equal(localStoreFromUri('postgresql://u@db/mlflow', '/w', 'linux'), undefined);
    assert.equal(localStoreFromUri('mysql+pymysql://db/mlflow', '/w', 'linux'), undefined);
    assert.equal(localStoreFromUri('sqlite:///:memory:', '/w', 'linux'), undefined);
    assert.equal(localStoreFromUri('sqlite:///mlflow.db', undefined, 'linux'), undefined);
    assert.equal(localStoreFromUri('mlruns', undefined, 'linux'), undefined);
  });

  it('finds mlflow.db and mlruns/ at the top of a folder, and nothing else', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'detect-'));
    try {
      assert.deepEqual(detectStores(dir), []);
      fs.writeFileSync(path.join(dir, 'mlflow.db'), '');
      fs.mkdirSync(path.join(dir, 'mlruns'));
      fs.mkdirSync(path.join(dir, 'sub', 'mlruns'), { recursive: true });
      const found = detectStores(dir);
      assert.deepEqual(
        found.map((d) => d.uri),
        ['sqlite:///mlflow.db', './mlruns'],
      );
      assert.equal(found[0].store.path, path.join(dir, 'mlflow.db'));
      assert.equal(found[1].store.kind, 'file');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
