import * as assert from 'node:assert/strict';
import { classifyUri, normalizeHost, redactUserInfo, trackingUriPrefill, withoutUserInfo } from '../../../src/connection/uri';

describe('connection/uri', () => {
  it('classifies the URIs MLflow clients accept', () => {
    assert.deepEqual(classifyUri('databricks'), { kind: 'databricks', profile: undefined });
    assert.deepEqual(classifyUri('databricks://'), { kind: 'databricks', profile: undefined });
    assert.deepEqual(classifyUri('databricks://prod'), { kind: 'databricks', profile: 'prod' });
    assert.deepEqual(classifyUri('databricks://prod:prefix'), { kind: 'databricks', profile: 'prod' });
    assert.deepEqual(classifyUri('databricks-uc'), { kind: 'unityCatalog' });
    assert.deepEqual(classifyUri('databricks-uc://prod'), { kind: 'unityCatalog' });
    assert.deepEqual(classifyUri('http://h:5000/'), { kind: 'http', url: 'http://h:5000', userInfo: undefined });
    assert.deepEqual(classifyUri('HTTPS://H/x//'), { kind: 'http', url: 'https://h/x', userInfo: undefined });
    assert.equal(classifyUri('mlruns').kind, 'local');
    assert.equal(classifyUri('mysql+pymysql://u:p@db/x').kind, 'local');
    assert.equal(classifyUri('ftp://h').kind, 'invalid');
  });

  it('takes user info out of http URIs, percent-decoded', () => {
    assert.deepEqual(classifyUri('http://a%20b:p%3Aw@h/'), {
      kind: 'http',
      url: 'http://h',
      userInfo: { username: 'a b', password: 'p:w' },
    });
  });

  it('removes or masks user info up to the last @ of the authority', () => {
    assert.equal(withoutUserInfo('http://u:p@h:1/x@y'), 'http://h:1/x@y');
    assert.equal(withoutUserInfo('http://u:p@ss@h/'), 'http://h/');
    assert.equal(redactUserInfo('postgresql://u:p@db/x'), 'postgresql://***@db/x');
    assert.equal(redactUserInfo('http://h/path'), 'http://h/path');
    // does not parse (an unescaped / in the password): everything up to the last @ goes
    assert.equal(redactUserInfo('http://u:pa/ss@h:bad/x'), 'http://***@h:bad/x');
  });

  it('gives a scheme-less host https:// and drops trailing slashes', () => {
    assert.equal(normalizeHost('adb-1.azuredatabricks.net/'), 'https://adb-1.azuredatabricks.net');
    assert.equal(normalizeHost('http://h//'), 'http://h');
  });

  describe("Connect's input box", () => {
    it('never shows the user info of the setting, and keeps the setting as it was when the URI is confirmed unchanged', () => {
      const p = trackingUriPrefill('https://alice:s3cret-pass@mlflow.example.com:5000/', undefined);
      assert.equal(p.shown, 'https://mlflow.example.com:5000/');
      assert.ok(!p.shown.includes('s3cret-pass') && !p.shown.includes('alice'));
      assert.equal(p.toSave('https://mlflow.example.com:5000/'), 'https://alice:s3cret-pass@mlflow.example.com:5000/');
      assert.equal(p.toSave('  https://mlflow.example.com:5000/ '), 'https://alice:s3cret-pass@mlflow.example.com:5000/');
      assert.equal(p.toSave('https://other.example.com'), 'https://other.example.com');
    });

    it('never shows, nor copies into settings, the user info of MLFLOW_TRACKING_URI', () => {
      const p = trackingUriPrefill('', 'http://bob:hunter2@10.0.0.5:5000');
      assert.equal(p.shown, 'http://10.0.0.5:5000');
      assert.equal(p.toSave('http://10.0.0.5:5000'), 'http://10.0.0.5:5000');
    });

    it('shows a URI without user info as it is, and nothing when none is set', () => {
      assert.equal(trackingUriPrefill('databricks://prod', 'http://x').shown, 'databricks://prod');
      assert.equal(trackingUriPrefill(undefined, undefined).shown, '');
    });
  });
});
