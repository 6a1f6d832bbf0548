import * as assert from 'node:assert/strict';
import { parseTagInput } from '../../../src/lifecycle/create';

describe('lifecycle/create: tags typed as key=value', () => {
  it('splits at the first =, dropping the spaces around key and value', () => {
    assert.deepEqual(parseTagInput('team=forecasting'), { tag: { key: 'team', value: 'forecasting' } });
    assert.deepEqual(parseTagInput(' validation/status = passed '), { tag: { key: 'validation/status', value: 'passed' } });
    assert.deepEqual(parseTagInput('query=a=b'), { tag: { key: 'query', value: 'a=b' } });
    assert.deepEqual(parseTagInput('empty='), { tag: { key: 'empty', value: '' } });
  });

  it('says what is wrong: no =, or the MLflow rule the key or value breaks', () => {
    assert.deepEqual(parseTagInput('team'), { problem: { kind: 'noEquals' } });
    const problem = (text: string) => {
      const r = parseTagInput(text);
      return 'problem' in r && r.problem.kind === 'rule' ? r.problem.problem.messageId : undefined;
    };
    assert.equal(problem('=value'), 'input.tagKeyEmpty');
    assert.equal(problem('a*b=1'), 'input.tagKeyChars');
    assert.equal(problem('/abs=1'), 'input.tagKeyPath');
    assert.equal(problem('a//b=1'), 'input.tagKeyPath');
    assert.equal(problem(`k=${'x'.repeat(200_000)}`), 'input.tagValueTooLong');
  });
});
