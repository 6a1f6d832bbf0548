import * as assert from 'node:assert/strict';
import { externalHttpUrl, runPageUrl } from '../../../src/details/linkPolicy';

describe('details: which links a panel may open', () => {
  it('opens absolute http(s) links only', () => {
    assert.equal(externalHttpUrl('https://mlflow.org/docs'), 'https://mlflow.org/docs');
    assert.equal(externalHttpUrl('HTTP://Example.com'), 'http://example.com/');
    for (const bad of [
      'javascript:alert(1)',
      'command:workbench.action.quit',
      'file:///etc/passwd',
      'vscode://x',
      'data:text/html,hi',
      '/relative',
      'relative.html',
      '#frag',
      'mailto:a@b.c',
      '',
      'http://',
      42,
      undefined,
    ]) {
      assert.equal(externalHttpUrl(bad), undefined, String(bad));
    }
  });

  it("builds the MLflow web UI's run page under the tracking URI, ids encoded", () => {
    assert.equal(runPageUrl('http://127.0.0.1:5000', '1', 'ab08'), 'http://127.0.0.1:5000/#/experiments/1/runs/ab08');
    assert.equal(runPageUrl('https://host/mlflow/', '7', 'r/1?x'), 'https://host/mlflow/#/experiments/7/runs/r%2F1%3Fx');
    assert.equal(runPageUrl('databricks://profile', '1', 'r'), undefined);
  });
});
