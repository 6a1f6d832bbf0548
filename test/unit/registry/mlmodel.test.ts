import * as assert from 'node:assert/strict';
import { parseMlModel } from '../../../src/registry/mlmodel';
import { recorded } from '../../support/recorded';

describe('MLmodel parsing (recorded from the pinned server)', () => {
  const mm = parseMlModel(recorded('version-mlmodel').text);

  it('reads the nine weather inputs of the signature, in order, with their types', () => {
    assert.deepEqual(
      mm.signature?.inputs?.map((c) => c.name),
      [
        'temperature_00',
        'wind_direction_00',
        'wind_speed_00',
        'temperature_08',
        'wind_direction_08',
        'wind_speed_08',
        'temperature_16',
        'wind_direction_16',
        'wind_speed_16',
      ],
    );
    assert.ok(mm.signature?.inputs?.every((c) => c.type === 'double'));
  });

  it('reads the tensor output and the flavours', () => {
    assert.equal(mm.signature?.outputs?.[0].type, 'tensor');
    assert.equal(mm.signature?.outputs?.[0].tensorSpec?.dtype, 'float64');
    assert.ok('python_function' in mm.flavors && 'sklearn' in mm.flavors);
    assert.match(mm.modelId ?? '', /^m-/);
    assert.equal(mm.inputExample?.artifactPath, 'input_example.json');
  });

  it('refuses text that is not a YAML mapping', () => {
    assert.throws(() => parseMlModel('- just\n- a list\n'));
  });
});
