import * as assert from 'node:assert/strict';
import { descriptionLink, externalHttpUrl, runPageUrl } from '../../../src/details/linkPolicy';

describe('details: which links a panel may open', () => {
  it('opens absolute http(s) links', () => {
    assert.equal(descriptionLink('https://mlflow.org/docs'), 'https://mlflow.org/docs');
    assert.equal(descriptionLink('HTTP://Example.com'), 'http://example.com/');
    assert.equal(descriptionLink('  https://mlflow.org/docs?x=1#y  '), 'https://mlflow.org/docs?x=1#y');
  });

  it('opens a mailto with one address and at most a subject and a body', () => {
    assert.equal(descriptionLink('mailto:ml-team@example.com'), 'mailto:ml-team@example.com');
    assert.equal(descriptionLink('MAILTO:first.last+ml@sub.example.org'), 'mailto:first.last+ml@sub.example.org');
    assert.equal(
      descriptionLink('mailto:ml-team@example.com?subject=Model%20v2&body=Line%20one%0D%0ALine%20two'),
      'mailto:ml-team@example.com?subject=Model%20v2&body=Line%20one%0D%0ALine%20two',
    );
    assert.equal(descriptionLink('mailto:ml-team@example.com?BODY=hi'), 'mailto:ml-team@example.com?body=hi', 'field names in any case');
    assert.equal(descriptionLink('mailto:ops@xn--bcher-kva.de'), 'mailto:ops@xn--bcher-kva.de', 'an IDN as markdown-it sends it');
  });

  it('refuses every other scheme, relative links and mailto links with anything more than that', () => {
    for (const bad of [
      'javascript:alert(1)',
      'command:workbench.action.quit',
      'file:///etc/passwd',
      'vscode://x',
      'data:text/html,hi',
      '/relative',
      'relative.html',
      '#frag',
      '',
      'http://',
      'http:example.com',
      'https:/one-slash.org',
      'mailto:',
      'mailto:?subject=hi',
      'mailto:not-an-address',
      'mailto:a@localhost',
      'mailto:a@b.c,d@e.fg',
      'mailto:a@b.co;d@e.fg',
      'mailto:a@b.co?cc=boss@b.co',
      'mailto:a@b.co?bcc=boss@b.co',
      'mailto:a@b.co?attach=/etc/passwd',
      'mailto:a@b.co?to=boss@b.co',
      'mailto:a@b.co?subject=one&subject=two',
      'mailto:a@b.co?subject=hi%0D%0ABcc:%20boss@b.co',
      'mailto:a@b.co?body=%00',
      'mailto:a@b.co?subject=x%26cc%3Dboss%40b.co',
      'mailto:a@b.co?body=see%20%23frag',
      'mailto:a@b.co?subject=%E0%A4%A',
      'mailto:a@b.co#frag',
      'mailto:a%40b.co%3Fcc%3Dx@c.de',
      'mailto:javascript:alert(1)@b.co',
      42,
      undefined,
    ]) {
      assert.equal(descriptionLink(bad), undefined, String(bad));
    }
  });

  it('a tracking URI is a web UI base only when it is absolute http(s)', () => {
    assert.equal(externalHttpUrl('http://127.0.0.1:5000'), 'http://127.0.0.1:5000/');
    for (const bad of ['databricks://profile', 'sqlite:///mlflow.db', 'mailto:a@b.co', ''])
      assert.equal(externalHttpUrl(bad), undefined, bad);
  });

  it("builds the MLflow web UI's run page under the tracking URI, ids encoded", () => {
    assert.equal(runPageUrl('http://127.0.0.1:5000', '1', 'ab08'), 'http://127.0.0.1:5000/#/experiments/1/runs/ab08');
    assert.equal(runPageUrl('https://host/mlflow/', '7', 'r/1?x'), 'https://host/mlflow/#/experiments/7/runs/r%2F1%3Fx');
    assert.equal(runPageUrl('databricks://profile', '1', 'r'), undefined);
  });
});
