import * as assert from 'node:assert/strict';
import { RegistryError } from '../../../src/registry/errors';
import {
  formatModelUri,
  isModelsUri,
  ModelUriError,
  type ModelUriParts,
  parseModelUri,
  type ParsedModelUri,
  requireModelUri,
} from '../../../src/registry/modelUri';

function ok(text: string): ParsedModelUri {
  const r = parseModelUri(text);
  if (!r.ok) assert.fail(`${text}: ${r.problem.message}`);
  return r.uri;
}

/** The problem's id and the underlined text. */
function bad(text: string): { id: string; underlined: string; message: string } {
  const r = parseModelUri(text);
  if (r.ok) assert.fail(`${text} parsed as ${JSON.stringify(r.uri)}`);
  return { id: r.problem.messageId, underlined: text.slice(r.problem.start, r.problem.end), message: r.problem.message };
}

describe('models:/ URIs: parsing', () => {
  it('reads a version, with the name and number underlinable', () => {
    const u = ok('models:/power-forecasting-model/3');
    assert.equal(u.kind, 'version');
    if (u.kind !== 'version') return;
    assert.equal(u.name, 'power-forecasting-model');
    assert.equal(u.version, '3');
    assert.equal('models:/power-forecasting-model/3'.slice(u.nameSpan.start, u.nameSpan.end), 'power-forecasting-model');
    assert.equal('models:/power-forecasting-model/3'.slice(u.suffixSpan.start, u.suffixSpan.end), '3');
  });

  it('reads stages in any case as the canonical stage', () => {
    for (const [written, stage] of [
      ['Production', 'Production'],
      ['production', 'Production'],
      ['STAGING', 'Staging'],
      ['none', 'None'],
      ['ArChIvEd', 'Archived'],
    ]) {
      const u = ok(`models:/m/${written}`);
      assert.deepEqual(u.kind === 'stage' && [u.stage, u.written], [stage, written]);
    }
  });

  it('reads latest in any case', () => {
    for (const t of ['latest', 'LATEST', 'Latest']) assert.equal(ok(`models:/m/${t}`).kind, 'latest');
  });

  it('reads an alias after the last @', () => {
    const u = ok('models:/team@wind@champion');
    assert.deepEqual(u.kind === 'alias' && [u.name, u.alias], ['team@wind', 'champion']);
  });

  it('keeps @ in the name when a suffix follows, as MLflow does', () => {
    const u = ok('models:/a@b/2');
    assert.deepEqual(u.kind === 'version' && [u.name, u.version], ['a@b', '2']);
  });

  it('recognises an MLflow 3 logged-model URI and leaves it alone', () => {
    const u = ok('models:/m-abc123');
    assert.deepEqual(u.kind === 'loggedModel' && u.modelId, 'm-abc123');
  });

  it('reads names with spaces, quotes, % and non-ASCII literally (nothing is percent-decoded)', () => {
    for (const name of ["o'brien model", 'say "hi"', '50%_off', 'my%20model', '风电预测模型', 'a#b', ' padded ']) {
      const u = ok(`models:/${name}/1`);
      assert.equal(u.kind === 'version' && u.name, name);
    }
  });

  it("accepts what Python's urlparse accepts: any case scheme, leading blanks, extra slashes, a dropped query", () => {
    assert.equal(ok('MODELS:/m/1').kind, 'version');
    assert.equal(ok('  models:/m/1').kind, 'version');
    const u = ok('models:///m/2');
    assert.deepEqual(u.kind === 'version' && [u.name, u.version], ['m', '2']);
    const q = ok('models:/m/3?x=1');
    assert.deepEqual(q.kind === 'version' && [q.version, q.ignoredQuery], ['3', { start: 11, end: 15 }]);
  });

  it('keeps a version as written (007), which the server reads as 7', () => {
    const u = ok('models:/m/007');
    assert.equal(u.kind === 'version' && u.version, '007');
  });
});

describe('models:/ URIs: problems with message ids and ranges', () => {
  it('not a models URI', () => {
    assert.deepEqual(bad('runs:/abc/model').id, 'modelUri.notModelsUri');
    assert.deepEqual(bad('model:/m/1').underlined, 'model:');
    assert.deepEqual(bad('just-a-name').id, 'modelUri.notModelsUri');
  });

  it('no name', () => {
    for (const t of ['models:/', 'models:', 'models:m/1', 'models:/ /1', 'models:/@champion'])
      assert.equal(bad(t).id, 'modelUri.missingName', t);
    assert.equal(bad('models:/ /1').underlined, ' ');
  });

  it('nothing after the slash underlines the slash', () => {
    const b = bad('models:/m/');
    assert.deepEqual([b.id, b.underlined], ['modelUri.missingSuffix', '/']);
    assert.match(b.message, /after "m"/);
  });

  it('too many parts underlines the extra part and says why', () => {
    const b = bad('models:/team/model/3');
    assert.deepEqual([b.id, b.underlined], ['modelUri.tooManyParts', '/3']);
    assert.match(b.message, /"\/3" is one part too many/);
    assert.equal(bad('models:/m/1/').underlined, '/');
  });

  it('a suffix that is no version, stage or latest underlines it', () => {
    const b = bad('models:/m/Prod');
    assert.deepEqual([b.id, b.underlined], ['modelUri.unknownSuffix', 'Prod']);
    assert.equal(bad('models:/m/1 ').id, 'modelUri.unknownSuffix');
    assert.equal(bad('models:/m/-1').id, 'modelUri.unknownSuffix');
  });

  it('an empty alias underlines the @', () => {
    const b = bad('models:/m@');
    assert.deepEqual([b.id, b.underlined], ['modelUri.missingAlias', '@']);
  });

  it('a registry part (models://profile@databricks/...) is refused, not silently ignored', () => {
    const b = bad('models://prof@databricks/m/1');
    assert.deepEqual([b.id, b.underlined], ['modelUri.otherRegistry', '//prof@databricks']);
  });

  it('a tab or line break, which Python would drop, is pointed at', () => {
    const b = bad('models:/m\t/1');
    assert.deepEqual([b.id, b.underlined], ['modelUri.controlCharacter', '\t']);
  });

  it('requireModelUri throws a client RegistryError carrying the range', () => {
    assert.throws(
      () => requireModelUri('models:/m/'),
      (e: unknown) => e instanceof ModelUriError && e instanceof RegistryError && e.kind === 'client' && e.start === 9 && e.end === 10,
    );
  });

  it('isModelsUri checks the scheme only', () => {
    assert.equal(isModelsUri('Models:/x'), true);
    assert.equal(isModelsUri('runs:/x'), false);
    assert.equal(isModelsUri('models'), false);
  });
});

describe('models:/ URIs: formatting', () => {
  it('writes each form', () => {
    assert.equal(formatModelUri({ kind: 'version', name: 'm', version: 3 }), 'models:/m/3');
    assert.equal(formatModelUri({ kind: 'stage', name: 'm', stage: 'production' }), 'models:/m/Production');
    assert.equal(formatModelUri({ kind: 'latest', name: 'm' }), 'models:/m/latest');
    assert.equal(formatModelUri({ kind: 'alias', name: 'm', alias: 'champion' }), 'models:/m@champion');
    assert.equal(formatModelUri({ kind: 'loggedModel', modelId: 'm-abc' }), 'models:/m-abc');
  });

  it('round-trips awkward names through the parser', () => {
    const names = [
      "o'brien",
      'say "hi"',
      `both ' and "`,
      '50%_off',
      'with spaces',
      '风电预测模型',
      'a@b',
      'a#b',
      'latest',
      '..x',
      'back\\',
    ];
    for (const name of names) {
      const forms: ModelUriParts[] = [
        { kind: 'version', name, version: '12' },
        { kind: 'stage', name, stage: 'Staging' },
        { kind: 'latest', name },
        { kind: 'alias', name, alias: 'champion' },
      ];
      for (const parts of forms) {
        const u = ok(formatModelUri(parts));
        assert.equal(u.kind, parts.kind, formatModelUri(parts));
        assert.equal(u.kind !== 'loggedModel' && u.name, name);
      }
    }
  });

  it('refuses a name with / (no models:/ URI can hold it), and names with ? or blanks only', () => {
    assert.throws(
      () => formatModelUri({ kind: 'version', name: 'team/model', version: 1 }),
      (e: unknown) => e instanceof ModelUriError && e.messageId === 'modelUri.nameNotWritable' && /contains "\/"/.test(e.message),
    );
    assert.throws(
      () => formatModelUri({ kind: 'latest', name: 'what?' }),
      (e: unknown) => e instanceof ModelUriError && e.messageId === 'modelUri.nameNotWritable',
    );
    assert.throws(
      () => formatModelUri({ kind: 'latest', name: '  ' }),
      (e: unknown) => e instanceof ModelUriError && e.messageId === 'modelUri.missingName',
    );
  });

  it('refuses bad versions, stages and aliases', () => {
    assert.throws(
      () => formatModelUri({ kind: 'version', name: 'm', version: '1.5' }),
      (e: unknown) => e instanceof RegistryError && e.messageId === 'modelUri.versionNotNumber',
    );
    assert.throws(
      () => formatModelUri({ kind: 'stage', name: 'm', stage: 'Prod' }),
      (e: unknown) => e instanceof RegistryError && e.messageId === 'error.invalidStage',
    );
    for (const alias of ['', 'a@b', 'a/b']) {
      assert.throws(
        () => formatModelUri({ kind: 'alias', name: 'm', alias }),
        (e: unknown) => e instanceof RegistryError && e.messageId === 'modelUri.aliasNotWritable',
      );
    }
    assert.throws(
      () => formatModelUri({ kind: 'loggedModel', modelId: 'm@x' }),
      (e: unknown) => e instanceof RegistryError,
    );
  });
});
