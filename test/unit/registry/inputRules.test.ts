import * as assert from 'node:assert/strict';
import { aliasProblem, posixNormpath, tagKeyProblem, tagValueProblem } from '../../../src/registry/inputRules';

describe('registry/inputRules (what MLflow accepts; the integration suite compares with the real server)', () => {
  it("normalises paths as Python's posixpath.normpath does", () => {
    // Pairs printed by python3 -c "import posixpath; print(posixpath.normpath(p))".
    const python: [string, string][] = [
      ['a', 'a'],
      ['a/b', 'a/b'],
      ['/a', '/a'],
      ['//a', '//a'],
      ['///a', '/a'],
      ['a//b', 'a/b'],
      ['a/./b', 'a/b'],
      ['a/../b', 'b'],
      ['../a', '../a'],
      ['..a', '..a'],
      ['./a', 'a'],
      ['.', '.'],
      ['..', '..'],
      ['a/', 'a'],
      ['a/b/..', 'a'],
      ['', '.'],
    ];
    for (const [input, expected] of python) assert.equal(posixNormpath(input), expected, JSON.stringify(input));
  });

  it('aliases: any script, digits, _ and -, not latest or v+digits, at most 255', () => {
    // 𝑥 is one character to Python (MLflow counts those) and two UTF-16 units to JavaScript.
    for (const ok of ['champion', '冠军', 'чемпион', 'a-b_c', 'v', 'v1a', 'x'.repeat(255), '𝑥'.repeat(255)])
      assert.equal(aliasProblem(ok), undefined, ok);
    assert.equal(aliasProblem('𝑥'.repeat(256))?.messageId, 'input.aliasTooLong');
    const refused: [string, string][] = [
      ['', 'input.aliasEmpty'],
      ['a b', 'input.aliasChars'],
      ['a.b', 'input.aliasChars'],
      ['x'.repeat(256), 'input.aliasTooLong'],
      ['Latest', 'input.aliasLatest'],
      ['V12', 'input.aliasVersion'],
      ['v١', 'input.aliasVersion'],
    ];
    for (const [alias, id] of refused) assert.equal(aliasProblem(alias)?.messageId, id, alias);
  });

  it('tag keys must be plain paths of the allowed characters; values at most 100,000', () => {
    for (const ok of ['team', 'a b', 'a/b', 'a:b', 'mlflow.note.content']) assert.equal(tagKeyProblem(ok), undefined, ok);
    const refused: [string, string][] = [
      ['', 'input.tagKeyEmpty'],
      ['a@b', 'input.tagKeyChars'],
      ['/a', 'input.tagKeyPath'],
      ['a/', 'input.tagKeyPath'],
      ['a//b', 'input.tagKeyPath'],
      ['../a', 'input.tagKeyPath'],
      ['..a', 'input.tagKeyPath'],
      ['./a', 'input.tagKeyPath'],
      ['x'.repeat(251), 'input.tagKeyTooLong'],
    ];
    for (const [key, id] of refused) assert.equal(tagKeyProblem(key)?.messageId, id, key);
    assert.equal(tagValueProblem('x'.repeat(100_000)), undefined);
    assert.equal(tagValueProblem('x'.repeat(100_001))?.messageId, 'input.tagValueTooLong');
  });
});
