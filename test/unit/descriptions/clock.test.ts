import * as assert from 'node:assert/strict';
import { DescriptionClock } from '../../../src/descriptions/clock';

describe('the mtime of a description', () => {
  it('stays the same while the text does, however often it is asked', () => {
    const clock = new DescriptionClock(1_000_000);
    const first = clock.mtime('/m/m — description.md', 'text');
    assert.equal(clock.mtime('/m/m — description.md', 'text'), first);
    assert.equal(clock.mtime('/m/m — description.md', 'text'), first);
  });

  it('changes when the text changes, also back to an earlier text', () => {
    const clock = new DescriptionClock(1_000_000);
    const key = '/m/m — description.md';
    const a = clock.mtime(key, 'A');
    const b = clock.mtime(key, 'B');
    const a2 = clock.mtime(key, 'A');
    assert.notEqual(a, b);
    assert.notEqual(b, a2);
    assert.notEqual(a, a2, 'A, B, A: the document read at the first A is not the text there now');
  });

  it('is never newer than any mtime reported before, so VS Code never finds the file "newer" than its document', () => {
    const clock = new DescriptionClock(1_000_000);
    const seen: number[] = [];
    for (const [key, text] of [
      ['/a/a — description.md', 'one'],
      ['/b/b — description.md', 'one'],
      ['/a/a — description.md', 'two'],
      ['/a/a — description.md', 'two'],
      ['/b/b — description.md', ''],
      ['/a/a — description.md', 'one'],
    ] as const) {
      const mtime = clock.mtime(key, text);
      assert.ok(
        seen.every((s) => mtime <= s),
        `${mtime} after ${seen.join(', ')}`,
      );
      seen.push(mtime);
    }
  });

  it('keeps each description apart: the same text elsewhere does not move it', () => {
    const clock = new DescriptionClock(1_000_000);
    const a = clock.mtime('/a/a — description.md', 'same');
    clock.mtime('/b/b — description.md', 'same');
    clock.mtime('/b/b — description.md', 'other');
    assert.equal(clock.mtime('/a/a — description.md', 'same'), a);
  });
});
