import * as assert from 'node:assert/strict';
import { filterPlan, parseFilterInput } from '../../../src/tree/filterInput';
import { toRegisteredModel } from '../../../src/registry/wire';
import { recorded } from '../../support/recorded';

const walkthrough = toRegisteredModel(JSON.parse(recorded('model-get').text).registered_model);

describe('the Models view filter input', () => {
  it('plain text is a case-insensitive name substring, checked exactly on the client', () => {
    const f = parseFilterInput('  Forecasting ');
    assert.deepEqual(f, { kind: 'name', text: 'Forecasting' });
    const plan = filterPlan(f!);
    assert.match(plan.filter, /ILIKE/i);
    assert.ok(plan.matches(walkthrough));
    assert.ok(!plan.matches({ ...walkthrough, name: 'power-model' }));
  });

  it('key=value is a tag filter', () => {
    const f = parseFilterInput('task=forecasting');
    assert.deepEqual(f, { kind: 'tag', key: 'task', value: 'forecasting' });
    const plan = filterPlan(f!);
    assert.match(plan.filter, /tags\.`?task`? = 'forecasting'/);
    assert.ok(plan.matches(walkthrough));
    assert.ok(!plan.matches({ ...walkthrough, tags: [] }));
  });

  it('an MLflow filter expression is passed through as written', () => {
    for (const raw of ["name LIKE 'power%'", "tags.task = 'forecasting'", "name = 'a' AND tags.x = 'y'"]) {
      assert.deepEqual(parseFilterInput(raw), { kind: 'raw', filter: raw });
    }
  });

  it('an empty input means no filter', () => {
    assert.equal(parseFilterInput('   '), undefined);
  });
});
