import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { decodeSegment, descriptionFileName, descriptionPath, encodeSegment, parseDescriptionPath } from '../../../src/descriptions/paths';

/** Names a registry may hold: separators, the escape character itself, dots, controls, other scripts, URI syntax. */
const NAMES = [
  'power-forecasting-model',
  'a/b',
  '/leading and trailing/',
  'back\\slash',
  '100% sure',
  '%2F',
  '%',
  '.',
  '..',
  '...',
  'line\nbreak\ttab\u0000nul\u007fdel',
  'Windpark Nord — Prognose',
  'ветер 風力 🌬️',
  'query?x=1#frag&y',
  ' spaces ',
  'v2',
  'model v3 — description.md',
];

describe('description paths', () => {
  it('round-trips any model name, for the model and for a version', () => {
    for (const model of NAMES) {
      for (const subject of [{ model }, { model, version: '12' }]) {
        const p = descriptionPath(subject);
        assert.deepEqual(parseDescriptionPath(p), { kind: 'file', subject }, JSON.stringify(p));
      }
    }
  });

  it('keeps every name in one segment: no "/" in it, and never "." or ".."', () => {
    for (const model of NAMES) {
      const segment = encodeSegment(model);
      assert.ok(!segment.includes('/') && !segment.includes('\\'), segment);
      assert.ok(segment !== '.' && segment !== '..', segment);
      assert.ok(![...segment].some((c) => c.charCodeAt(0) < 0x20), JSON.stringify(segment));
      assert.equal(decodeSegment(segment), model);
    }
  });

  it("names the tab after the model and version: the path's basename", () => {
    assert.equal(
      path.posix.basename(descriptionPath({ model: 'power-forecasting-model', version: '2' })),
      'power-forecasting-model v2 — description.md',
    );
    assert.equal(path.posix.basename(descriptionPath({ model: 'power-forecasting-model' })), 'power-forecasting-model — description.md');
    assert.equal(descriptionFileName({ model: 'a/b', version: '1' }), 'a%2Fb v1 — description.md');
  });

  it('tells a model named like a version apart from that version', () => {
    const model = parseDescriptionPath(descriptionPath({ model: 'm v2' }));
    const version = parseDescriptionPath(descriptionPath({ model: 'm', version: '2' }));
    assert.deepEqual(model, { kind: 'file', subject: { model: 'm v2' } });
    assert.deepEqual(version, { kind: 'file', subject: { model: 'm', version: '2' } });
    assert.notEqual(descriptionPath({ model: 'm v2' }), descriptionPath({ model: 'm', version: '2' }));
  });

  it('accepts one spelling per description: other encodings, wrong file names and extra segments name nothing', () => {
    for (const p of [
      '/m%41/m%41 — description.md', // %41 is "A", which is written as it is
      '/m%2f/m%2f — description.md', // lower-case escapes are not the spelling
      '/m/other — description.md',
      '/m/2/m v3 — description.md',
      '/m/02/m v02 — description.md',
      '/m/x/m vx — description.md',
      '/m/2/m v2 — description.md/extra',
      '//m — description.md',
      'm/m — description.md',
      '/%/% — description.md',
    ]) {
      assert.equal(parseDescriptionPath(p), undefined, p);
    }
  });

  it('knows the folders on the way, and which description each holds', () => {
    assert.deepEqual(parseDescriptionPath('/'), { kind: 'folder' });
    assert.deepEqual(parseDescriptionPath('/a%2Fb'), { kind: 'folder', holds: { model: 'a/b' } });
    assert.deepEqual(parseDescriptionPath('/a%2Fb/7'), { kind: 'folder', holds: { model: 'a/b', version: '7' } });
  });
});
