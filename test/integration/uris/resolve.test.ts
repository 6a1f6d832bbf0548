import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot, venvBin } from '../../../scripts/testbed/paths';
import { RegistryClient } from '../../../src/registry/client';
import { RegistryError } from '../../../src/registry/errors';
import { formatModelUri, parseModelUri } from '../../../src/registry/modelUri';
import { resolveModelUri } from '../../../src/registry/resolveModelUri';
import { sharedServer, uniqueName } from '../../support/testbed';

const WALKTHROUGH = 'power-forecasting-model';

interface PythonAnswer {
  parse_error?: string;
  parsed?: Record<string, string | null>;
  model_id?: string;
  name?: string;
  version?: string;
  error_code?: string;
  message?: string;
}

/** What MLflow's own Python client makes of each URI on the same server (scripts/testbed/resolve_uri.py). */
async function mlflowSays(trackingUri: string, uris: string[], parseOnly = false): Promise<Record<string, PythonAnswer>> {
  const script = path.join(projectRoot(), 'scripts', 'testbed', 'resolve_uri.py');
  const args = [script, ...(parseOnly ? ['--parse-only'] : []), trackingUri, ...uris];
  const { stdout } = await promisify(execFile)(venvBin('python'), args, {
    env: { ...process.env, MLFLOW_HTTP_REQUEST_MAX_RETRIES: '0', PYTHONIOENCODING: 'utf-8' },
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout) as Record<string, PythonAnswer>;
}

type Ours = { version: string } | { loggedModel: string } | { error: RegistryError };

async function oursSays(client: RegistryClient, uri: string): Promise<Ours> {
  try {
    const r = await resolveModelUri(client, uri);
    return r.kind === 'registered' ? { version: r.version } : { loggedModel: r.modelId };
  } catch (e) {
    if (e instanceof RegistryError) return { error: e };
    throw e;
  }
}

describe("models:/ URIs resolve to the version MLflow's Python client picks (real server)", () => {
  let client: RegistryClient;
  let source = '';
  const own = uniqueName('uri');
  const awkward = `${uniqueName('uri')} o'brien "q" 50%_off 风电 #1`;
  const empty = uniqueName('uri-empty');
  const refused = `${uniqueName('uri')}:colon`;

  before(async function () {
    this.timeout(180_000);
    client = new RegistryClient({ baseUrl: sharedServer().url });
    source = (await client.versions.get(WALKTHROUGH, 4)).source!;
    const modelId = source.slice('models:/'.length);
    // own: v1 Archived, v2 Production, v3 Production, v4 Staging, v5 None, v6 Archived.
    await client.models.create(own);
    for (let i = 0; i < 6; i++) await client.versions.create(own, source, { modelId });
    for (const [v, stage] of [
      [1, 'Archived'],
      [2, 'Production'],
      [3, 'Production'],
      [4, 'Staging'],
      [6, 'Archived'],
    ] as const) {
      await client.versions.transitionStage(own, v, stage);
    }
    await client.models.setAlias(own, 'champion', 2);
    await client.models.setAlias(own, 'challenger', 4);
    await client.models.create(awkward);
    for (let i = 0; i < 2; i++) await client.versions.create(awkward, source, { modelId });
    await client.versions.transitionStage(awkward, 1, 'Production');
    await client.models.setAlias(awkward, 'champion', 1);
    await client.models.create(empty);
  });
  after(async function () {
    this.timeout(60_000);
    for (const name of [own, awkward, empty]) await client.models.delete(name).catch(() => undefined);
    await client.close();
  });

  it('every URI form, in any case, resolves to the same version as MLflow (or fails where MLflow fails)', async function () {
    this.timeout(120_000);
    const forms = (name: string) => [
      ...['1', '2', '3', '4', '5', '6', '004', '99'].map((v) => `models:/${name}/${v}`),
      ...['Production', 'production', 'PRODUCTION', 'Staging', 'staging', 'None', 'none', 'Archived', 'archived'].map(
        (s) => `models:/${name}/${s}`,
      ),
      `models:/${name}/latest`,
      `models:/${name}/LATEST`,
      `models:/${name}/Latest`,
      `models:/${name}@champion`,
      `models:/${name}@challenger`,
      `models:/${name}@latest`,
      `models:/${name}@no-such-alias`,
    ];
    const uris = [
      ...forms(WALKTHROUGH),
      ...forms(own),
      ...forms(awkward),
      ...forms(empty),
      `MODELS:/${WALKTHROUGH}/2`,
      `models:///${WALKTHROUGH}/3`,
      `models:/${WALKTHROUGH}/1?ignored=1`,
      `models:/${uniqueName('missing')}/1`,
      `models:/${uniqueName('missing')}/latest`,
      `models:/${refused}/1`,
    ];
    const python = await mlflowSays(sharedServer().url, uris);
    const mismatches: string[] = [];
    let resolved = 0;
    let failed = 0;
    for (const uri of uris) {
      const theirs = python[uri];
      const ours = await oursSays(client, uri);
      if (theirs.version !== undefined) {
        resolved++;
        if (!('version' in ours) || ours.version !== theirs.version)
          mismatches.push(`${uri}: MLflow ${theirs.version}, ours ${JSON.stringify('error' in ours ? ours.error.message : ours)}`);
      } else {
        failed++;
        if (!('error' in ours))
          mismatches.push(`${uri}: MLflow failed (${theirs.parse_error ?? theirs.message}), ours ${JSON.stringify(ours)}`);
      }
    }
    assert.deepEqual(mismatches, []);
    assert.ok(resolved >= 50 && failed >= 15, `resolved ${resolved}, failed ${failed}`);
  });

  it('reads the seeded walkthrough as the docs describe: Production 2, Staging 3, None 4, latest 4, @champion 2', async () => {
    const v = async (uri: string) => {
      const r = await resolveModelUri(client, uri);
      return r.kind === 'registered' ? r.version : r.kind;
    };
    assert.equal(await v(`models:/${WALKTHROUGH}/Production`), '2');
    assert.equal(await v(`models:/${WALKTHROUGH}/staging`), '3');
    assert.equal(await v(`models:/${WALKTHROUGH}/None`), '4');
    assert.equal(await v(`models:/${WALKTHROUGH}/latest`), '4');
    assert.equal(await v(`models:/${WALKTHROUGH}@champion`), '2');
    assert.equal(await v(`models:/${WALKTHROUGH}@challenger`), '3');
  });

  it('latest counts Archived versions and a stage means its highest version, as in MLflow', async () => {
    const r = await resolveModelUri(client, `models:/${own}/latest`);
    assert.equal(r.kind === 'registered' && r.version, '6');
    assert.equal(r.kind === 'registered' && r.modelVersion.currentStage, 'Archived');
    const prod = await resolveModelUri(client, formatModelUri({ kind: 'stage', name: own, stage: 'Production' }));
    assert.equal(prod.kind === 'registered' && prod.version, '3');
  });

  it('a URI written by formatModelUri for an awkward name resolves to that model', async () => {
    for (const parts of [
      { kind: 'version', name: awkward, version: 2 },
      { kind: 'alias', name: awkward, alias: 'champion' },
      { kind: 'latest', name: awkward },
    ] as const) {
      const r = await resolveModelUri(client, formatModelUri(parts));
      assert.equal(r.kind === 'registered' && r.name, awkward);
    }
  });

  it('a logged-model URI (models:/m-...) is recognised as MLflow does and not resolved', async () => {
    const python = await mlflowSays(sharedServer().url, [source]);
    const r = await resolveModelUri(client, source);
    assert.equal(r.kind, 'loggedModel');
    assert.equal(r.kind === 'loggedModel' && r.modelId, python[source].model_id);
  });

  it('misses read as one sentence naming the model: empty stage, no versions, missing alias, refused name', async () => {
    const msg = async (uri: string) => {
      try {
        await resolveModelUri(client, uri);
      } catch (e) {
        assert.ok(e instanceof RegistryError);
        return { id: e.messageId, message: e.message, notFound: e.isNotFound };
      }
      return assert.fail(`${uri} resolved`);
    };
    assert.deepEqual(await msg(`models:/${WALKTHROUGH}/Archived`), {
      id: 'error.noVersionInStage',
      message: `"${WALKTHROUGH}" has no version in Archived.`,
      notFound: true,
    });
    assert.deepEqual(await msg(`models:/${empty}/latest`), {
      id: 'error.noVersions',
      message: `"${empty}" has no versions.`,
      notFound: true,
    });
    assert.deepEqual(await msg(`models:/${own}@no-such-alias`), {
      id: 'error.aliasNotFound',
      message: `"${own}" has no alias @no-such-alias.`,
      notFound: true,
    });
    const r = await msg(`models:/${refused}/1`);
    assert.equal(r.id, 'error.modelNameRefused');
    assert.match(r.message, /does not accept ".*:colon" as a model name: names cannot contain '\/' or ':'\.$/);
  });

  it('malformed URIs are refused by our parser wherever MLflow refuses them', async function () {
    this.timeout(60_000);
    const uris = [
      'models:/',
      'models:',
      'models:/m/',
      'models:/a/b/c',
      'models:/m@',
      'models:/m@ ',
      'models:m/1',
      'runs:/abc/model',
      'model:/m/1',
      'models:/ /1',
      'models:/m/1/',
    ];
    const python = await mlflowSays(sharedServer().url, uris, true);
    for (const uri of uris) {
      assert.ok(python[uri].parse_error, `MLflow parses ${uri}`);
      assert.equal(parseModelUri(uri).ok, false, `we parse ${uri}`);
    }
  });
});
