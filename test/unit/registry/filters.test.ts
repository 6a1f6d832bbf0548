import * as assert from 'node:assert/strict';
import {
  allOf,
  modelQueryFilter,
  nameContainsFilter,
  nameEqualsFilter,
  quoteValue,
  tagFilter,
  tagIdentifier,
} from '../../../src/registry/filters';
import { RegistryError } from '../../../src/registry/errors';
import { nameRefusalReason, explainNameRefusal } from '../../../src/registry/names';
import type { RegisteredModel } from '../../../src/registry/types';

const model = (name: string, tags: Record<string, string> = {}): RegisteredModel => ({
  name,
  description: '',
  latestVersions: [],
  aliases: [],
  tags: Object.entries(tags).map(([key, value]) => ({ key, value })),
});

describe('filters: quoting values the way MLflow reads them', () => {
  it('puts plain values in single quotes and never doubles a quote to escape it', () => {
    assert.deepEqual(quoteValue('wind model'), { text: "'wind model'", exact: true });
    assert.deepEqual(quoteValue("o'brien"), { text: `"o'brien"`, exact: true });
    assert.deepEqual(quoteValue('say "hi"'), { text: `'say "hi"'`, exact: true });
    assert.ok(!quoteValue("it's").text.includes("''"));
  });

  it('writes a value with both quote kinds as a LIKE pattern with _ for each quote and nothing else changed', () => {
    assert.deepEqual(quoteValue(`it's "50%_off"`), { text: `'it_s _50%_off_'`, exact: false });
  });

  it("writes a trailing backslash as _ (sqlparse would read \\' as an escaped closing quote)", () => {
    assert.deepEqual(quoteValue('back\\'), { text: "'back_'", exact: false });
    assert.deepEqual(quoteValue('mid\\dle'), { text: "'mid\\dle'", exact: true });
  });

  it('keeps non-ASCII text as it is', () => {
    assert.deepEqual(quoteValue('风电预测模型'), { text: "'风电预测模型'", exact: true });
  });
});

describe('filters: exact name', () => {
  it('uses = with the right quotes when the name can be written', () => {
    assert.equal(nameEqualsFilter("o'brien model").filter, `name = "o'brien model"`);
    assert.equal(nameEqualsFilter('say "hi"').filter, `name = 'say "hi"'`);
    assert.equal(nameEqualsFilter('50%_off').filter, "name = '50%_off'");
    assert.equal(nameEqualsFilter('50%_off').exact, true);
  });

  it('falls back to LIKE for both quote kinds and keeps only the exact name of what the server returns', () => {
    const plan = nameEqualsFilter<RegisteredModel>(`it's "x"`);
    assert.equal(plan.filter, `name LIKE 'it_s _x_'`);
    assert.equal(plan.exact, false);
    const served = [`it's "x"`, 'it_s _x_', `IT'S "X"`, `it"s 'x'`].map((n) => model(n));
    assert.deepEqual(
      served.filter(plan.matches).map((m) => m.name),
      [`it's "x"`],
    );
  });
});

describe('filters: case-insensitive substring', () => {
  it('wraps the text in %...% for ILIKE and narrows % and _ to literal matches', () => {
    const plan = nameContainsFilter<RegisteredModel>('50%_off');
    assert.equal(plan.filter, "name ILIKE '%50%_off%'");
    const served = ['Sale 50%_OFF now', '50Xoff', '50 percent off', '50%Yoff'].map((n) => model(n));
    assert.deepEqual(
      served.filter(plan.matches).map((m) => m.name),
      ['Sale 50%_OFF now'],
    );
  });

  it('sends letters with case outside ASCII as _ so that the client folds their case', () => {
    const plan = nameContainsFilter<RegisteredModel>('élan');
    assert.equal(plan.filter, "name ILIKE '%_lan%'");
    assert.deepEqual(
      ['Élan model', 'plan B', 'ÉLAN']
        .map((n) => model(n))
        .filter(plan.matches)
        .map((m) => m.name),
      ['Élan model', 'ÉLAN'],
    );
    // Letters without case (CJK) are sent as they are.
    assert.equal(nameContainsFilter('风电').filter, "name ILIKE '%风电%'");
  });

  it('writes \\ and [ as _ (an escape on PostgreSQL and MySQL, a character class on SQL Server)', () => {
    const plan = nameContainsFilter<RegisteredModel>('a\\b[c]');
    assert.equal(plan.filter, "name ILIKE '%a_b_c]%'");
    assert.deepEqual(
      ['x a\\b[c] y', 'a_b_c]', 'aXbYc]']
        .map((n) => model(n))
        .filter(plan.matches)
        .map((m) => m.name),
      ['x a\\b[c] y'],
    );
  });

  it('quotes text with quotes like any value', () => {
    assert.equal(nameContainsFilter("o'brien").filter, `name ILIKE "%o'brien%"`);
    assert.equal(nameContainsFilter(`it's "x"`).filter, "name ILIKE '%it_s _x_%'");
  });

  it('has no filter at all for empty text', () => {
    assert.equal(nameContainsFilter('').filter, '');
  });
});

describe('filters: tags', () => {
  it('leaves plain identifiers bare and backticks everything else', () => {
    assert.equal(tagIdentifier('task'), 'tags.task');
    assert.equal(tagIdentifier('my key'), 'tags.`my key`');
    assert.equal(tagIdentifier('mlflow.prompt.is_prompt'), 'tags.`mlflow.prompt.is_prompt`');
    assert.equal(tagIdentifier('a:b/c-d'), 'tags.`a:b/c-d`');
    assert.equal(tagIdentifier('1st'), 'tags.`1st`');
  });

  it('backticks the words sqlparse lexes as keywords even after "tags."', () => {
    for (const k of ['from', 'IN', 'values', 'as', 'case', 'using']) assert.equal(tagIdentifier(k), `tags.\`${k}\``);
    assert.equal(tagIdentifier('name'), 'tags.name');
  });

  it('refuses a key with a backtick as a client error', () => {
    assert.throws(
      () => tagIdentifier('a`b'),
      (e: unknown) => e instanceof RegistryError && e.messageId === 'error.tagKeyNotFilterable',
    );
  });

  it('matches any value with LIKE % when no value is given, and exact values otherwise', () => {
    assert.equal(tagFilter('my key').filter, "tags.`my key` LIKE '%'");
    const plan = tagFilter<RegisteredModel>('my key', `it's "q"`);
    assert.equal(plan.filter, "tags.`my key` LIKE 'it_s _q_'");
    const served = [model('a', { 'my key': `it's "q"` }), model('b', { 'my key': 'it_s _q_' }), model('c', { other: `it's "q"` })];
    assert.deepEqual(
      served.filter(plan.matches).map((m) => m.name),
      ['a'],
    );
  });

  it('joins conditions with AND', () => {
    const plan = modelQueryFilter({ nameContains: 'wind', tags: { task: 'forecasting', 'my key': undefined } });
    assert.equal(plan.filter, "name ILIKE '%wind%' AND tags.task = 'forecasting' AND tags.`my key` LIKE '%'");
    assert.equal(plan.matches(model('Wind farm', { task: 'forecasting', 'my key': '' })), true);
    assert.equal(plan.matches(model('Wind farm', { task: 'forecasting' })), false);
    assert.equal(allOf().filter, '');
  });
});

describe('filters: refused model names in one sentence', () => {
  it('turns MLflow 3.17 refusals into a clause', () => {
    assert.equal(nameRefusalReason("Invalid model name 'a/b'. Names cannot contain '/' or ':'."), "names cannot contain '/' or ':'");
    assert.match(
      nameRefusalReason(
        `Invalid value "..x" for parameter 'name' supplied: Names may be treated as files in certain cases, and must not resolve to other names when treated as such. This name would resolve to '..x'`,
      )!,
      /file path/,
    );
    assert.equal(nameRefusalReason('Registered Model with name=x not found'), undefined);
  });

  it('names the refused name and the host, and leaves other errors alone', () => {
    const server = new RegistryError({
      kind: 'http',
      messageId: 'error.invalidParameter',
      status: 400,
      errorCode: 'INVALID_PARAMETER_VALUE',
      serverMessage: "Invalid model name 'old'. Names cannot contain '/' or ':'.",
      params: { host: 'mlflow:5000', detail: '' },
    });
    const e = explainNameRefusal(server, 'old', 'new/name') as RegistryError;
    assert.equal(e.messageId, 'error.modelNameRefused');
    assert.equal(e.message, `The registry at mlflow:5000 does not accept "old" as a model name: names cannot contain '/' or ':'.`);
    const other = new RegistryError({
      kind: 'http',
      messageId: 'error.notFound',
      errorCode: 'RESOURCE_DOES_NOT_EXIST',
      serverMessage: 'x',
    });
    assert.equal(explainNameRefusal(other, 'x'), other);
  });
});
