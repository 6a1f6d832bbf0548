import * as assert from 'node:assert/strict';
import { buildModelView, buildVersionView } from '../../../src/details/viewModel';
import { firstLine } from '../../../src/ui/plainText';
import type { Block, DetailsView, Inline } from '../../../src/shared/detailsProtocol';
import { englishText } from './englishText';
import { recordedMlModel, recordedModel, recordedRun, recordedVersion, recordedVersions, windfarmFeatures } from './fixtures';

const text = (parts: Inline[]) => parts.map((p) => p.text).join(' ');
const fact = (view: DetailsView, label: string) => {
  const f = view.facts.find((x) => x.label === label);
  assert.ok(f, `a fact "${label}"`);
  return f.value;
};
const table = (view: DetailsView, id: string) => {
  const b = view.sections.flatMap((s) => s.blocks).find((x): x is Extract<Block, { kind: 'table' }> => x.kind === 'table' && x.id === id);
  assert.ok(b, `a table "${id}"`);
  return b;
};
const messages = (view: DetailsView, sectionId: string) =>
  view.sections.find((s) => s.id === sectionId)!.blocks.filter((b): b is Extract<Block, { kind: 'message' }> => b.kind === 'message');

describe('details: the view of a model version', () => {
  const version = recordedVersion();
  const run = recordedRun();
  const view = buildVersionView(
    { kind: 'version', version, mlModel: { ok: true, value: recordedMlModel() }, run: { ok: true, value: run } },
    englishText,
  );

  it('is titled "<name> v<version>" and shows every fact the issue lists', () => {
    assert.equal(view.title, 'power-forecasting-model v2');
    assert.deepEqual(view.target, { kind: 'version', name: 'power-forecasting-model', version: '2' });
    assert.deepEqual(
      view.facts.map((f) => f.label),
      ['Registered at', 'Created by', 'Stage', 'Last modified', 'Status', 'Aliases', 'Tags', 'Source run', 'Source'],
    );
    assert.equal(text(fact(view, 'Registered at')), new Date(version.creationTimestamp!).toISOString());
    assert.equal(text(fact(view, 'Last modified')), new Date(version.lastUpdatedTimestamp!).toISOString());
    assert.deepEqual(fact(view, 'Stage'), [{ text: 'Production', style: 'stage', stage: 'Production' }]);
    assert.equal(text(fact(view, 'Status')), 'Ready');
    assert.equal(text(fact(view, 'Aliases')), '@champion');
    assert.equal(text(fact(view, 'Tags')), 'algorithm=random-forest');
    assert.match(version.source ?? '', /^models:\/m-[0-9a-f]{32}$/, 'MLflow 3 registers a logged model');
    assert.equal(text(fact(view, 'Source')), version.source);
    assert.equal(view.description.markdown, version.description);
  });

  it('links the source run to its web UI page by experiment and run id, named by the run', () => {
    const [link, id] = fact(view, 'Source run');
    assert.equal(link.text, 'random-forest');
    assert.deepEqual(link.link, { kind: 'run', experimentId: '1', runId: version.runId });
    assert.equal(id.text, version.runId);
  });

  it("lists the signature's nine input columns and its tensor output from MLmodel", () => {
    const inputs = table(view, 'signature-inputs');
    const features = windfarmFeatures();
    assert.equal(features.length, 9);
    assert.deepEqual(
      inputs.rows.map((r) => text(r[0])),
      features,
      'the columns the model was trained on, in order',
    );
    assert.deepEqual(
      inputs.rows.map((r) => text(r[1])),
      features.map(() => 'double'),
    );
    const outputs = table(view, 'signature-outputs');
    assert.deepEqual(
      outputs.rows.map((r) => r.map(text)),
      [['(unnamed)', 'tensor of float64, shape (-1)', 'Yes']],
    );
  });

  it("lists the run's parameters and metrics, sorted by key", () => {
    assert.deepEqual(
      table(view, 'run-params').rows.map((r) => r.map(text)),
      [
        ['model_type', 'RandomForestRegressor'],
        ['n_estimators', '300'],
      ],
    );
    const [mse] = run.data.metrics;
    assert.equal(mse.key, 'mse');
    assert.deepEqual(
      table(view, 'run-metrics').rows.map((r) => r.map(text)),
      [['mse', String(mse.value), '0']],
      'the value unrounded, and its step',
    );
  });

  it('keeps the panel when MLmodel or the run cannot be read, and says so in their sections', () => {
    const broken = buildVersionView(
      {
        kind: 'version',
        version,
        mlModel: { ok: false, error: new Error('artifacts not proxied') },
        run: { ok: false, error: new Error('run deleted') },
      },
      englishText,
    );
    assert.deepEqual(
      messages(broken, 'signature').map((m) => [m.tone, m.text]),
      [['error', 'The signature could not be read. artifacts not proxied']],
    );
    assert.deepEqual(
      messages(broken, 'run').map((m) => [m.tone, m.text]),
      [['error', 'The source run could not be read. run deleted']],
    );
    const [runFact] = fact(broken, 'Source run');
    assert.equal(runFact.text, version.runId);
    assert.equal(runFact.link, undefined, 'no link without the experiment id');
  });

  it('says so when there is no signature and no run', () => {
    const bare = buildVersionView(
      {
        kind: 'version',
        version: { ...version, runId: undefined, aliases: [], tags: [], userId: undefined },
        mlModel: { ok: true, value: { flavors: {} } },
      },
      englishText,
    );
    assert.deepEqual(
      messages(bare, 'signature').map((m) => m.text),
      ['No signature.'],
    );
    assert.deepEqual(
      messages(bare, 'run').map((m) => m.text),
      ['No source run.'],
    );
    assert.deepEqual(fact(bare, 'Source run'), []);
    assert.deepEqual(fact(bare, 'Aliases'), []);
    assert.deepEqual(fact(bare, 'Created by'), []);
  });

  it('shows a failed registration with its message', () => {
    const failed = buildVersionView(
      {
        kind: 'version',
        version: { ...version, status: 'FAILED_REGISTRATION', statusMessage: 'copy failed' },
        mlModel: { ok: true, value: { flavors: {} } },
      },
      englishText,
    );
    assert.equal(text(fact(failed, 'Status')), 'Registration failed copy failed');
  });

  it('carries registry text as data, untouched (the webview writes it as text)', () => {
    const hostile = '<img src=x onerror="document.title=\'pwned\'">';
    const v = buildVersionView(
      {
        kind: 'version',
        version: { ...version, description: hostile, tags: [{ key: '<b>k</b>', value: '<script>' }] },
        mlModel: { ok: true, value: { flavors: {} } },
      },
      englishText,
    );
    assert.equal(v.description.markdown, hostile);
    assert.equal(text(fact(v, 'Tags')), '<b>k</b>=<script>');
  });
});

describe('details: the view of a registered model', () => {
  const model = recordedModel();
  const versions = recordedVersions();
  const view = buildModelView({ kind: 'model', model, versions, truncated: false }, englishText);

  it('shows description, tags and aliases, each alias linking to its version', () => {
    assert.equal(view.title, 'power-forecasting-model');
    assert.equal(view.description.markdown, model.description);
    assert.equal(text(fact(view, 'Tags')), 'domain=energy task=forecasting');
    const aliases = fact(view, 'Aliases');
    assert.deepEqual(
      aliases.map((a) => a.text),
      ['@challenger → v3', '@champion → v2'],
    );
    assert.deepEqual(aliases[1].link, { kind: 'details', target: { kind: 'version', name: 'power-forecasting-model', version: '2' } });
  });

  it('lists its versions newest first, with stage, the aliases from the model, and a link to each', () => {
    const t = table(view, 'versions');
    assert.deepEqual(
      t.columns.map((c) => c.label),
      ['Version', 'Stage', 'Aliases', 'Registered', 'Description'],
      'no "Created by" when no version has a user',
    );
    assert.deepEqual(
      t.rows.map((r) => text(r[0])),
      ['Version 4', 'Version 3', 'Version 2', 'Version 1'],
    );
    assert.deepEqual(
      t.rows.map((r) => text(r[1])),
      ['None', 'Staging', 'Production', 'Production'],
    );
    assert.deepEqual(
      t.rows.map((r) => text(r[2])),
      ['', '@challenger', '@champion', ''],
    );
    assert.deepEqual(t.rows[2][0][0].link, { kind: 'details', target: { kind: 'version', name: 'power-forecasting-model', version: '2' } });
    assert.equal(messages(view, 'versions').length, 0);
  });

  it('says when only the newest versions are listed, and when there are none', () => {
    const truncated = buildModelView({ kind: 'model', model, versions: versions.slice(0, 2), truncated: true }, englishText);
    assert.deepEqual(
      messages(truncated, 'versions').map((m) => m.text),
      ['Showing the newest 2 versions.'],
    );
    const empty = buildModelView({ kind: 'model', model: { ...model, aliases: [] }, versions: [], truncated: false }, englishText);
    assert.deepEqual(table(empty, 'versions').rows, []);
    assert.equal(table(empty, 'versions').emptyText, 'No versions.');
  });

  it('a description cell holds the first line, the whole text as its hover', () => {
    assert.equal(firstLine('\n  first line  \nsecond'), 'first line');
    const v = buildModelView(
      { kind: 'model', model, versions: [{ ...versions[0], description: 'one\ntwo' }], truncated: false },
      englishText,
    );
    assert.deepEqual(table(v, 'versions').rows[0][4], [{ text: 'one', title: 'one\ntwo' }]);
  });

  it('shows "Created by" when a version has a user', () => {
    const v = buildModelView(
      { kind: 'model', model, versions: [{ ...versions[0], userId: 'ana' }, versions[1]], truncated: false },
      englishText,
    );
    const t = table(v, 'versions');
    assert.deepEqual(
      t.columns.map((c) => c.label),
      ['Version', 'Stage', 'Aliases', 'Registered', 'Created by', 'Description'],
    );
    assert.deepEqual(
      t.rows.map((r) => text(r[4])),
      ['ana', ''],
    );
    assert.equal(t.columns[5].wrap, true);
  });
});

describe('details: a server without model aliases', () => {
  it('a version shows no alias fact or badge', () => {
    const version = recordedVersion();
    assert.ok(version.aliases.length, 'the recorded version has an alias to hide');
    const v = buildVersionView({ kind: 'version', version, mlModel: { ok: true, value: recordedMlModel() } }, englishText, {
      aliases: false,
    });
    assert.deepEqual(
      v.facts.map((f) => f.label),
      ['Registered at', 'Created by', 'Stage', 'Last modified', 'Status', 'Tags', 'Source run', 'Source'],
    );
    assert.deepEqual(
      v.badges.map((b) => b.text),
      ['Production'],
    );
  });

  it('a model shows no Aliases fact and no Aliases column', () => {
    const m = buildModelView({ kind: 'model', model: recordedModel(), versions: recordedVersions(), truncated: false }, englishText, {
      aliases: false,
    });
    assert.deepEqual(
      m.facts.map((f) => f.label),
      ['Created', 'Last modified', 'Tags'],
    );
    const t = table(m, 'versions');
    assert.deepEqual(
      t.columns.map((c) => c.label),
      ['Version', 'Stage', 'Registered', 'Description'],
    );
    assert.ok(t.rows.every((r) => r.length === 4 && !text(r.flat()).includes('@')));
  });
});
