import * as assert from 'node:assert/strict';
import { iniValue, parseIni } from '../../../src/connection';

describe('connection/ini', () => {
  it('reads sections and keys with comments, spaces around = and CRLF', () => {
    const ini = parseIni(
      '\uFEFF# databricks\r\n; another comment\r\n[DEFAULT]\r\nhost = https://a.example.com\r\ntoken=dapi-1\r\n\r\n[prod]\r\n  host   =   b.example.com  \r\ntoken: dapi-2\r\n',
    );
    assert.equal(iniValue(ini, 'DEFAULT', 'host'), 'https://a.example.com');
    assert.equal(iniValue(ini, 'DEFAULT', 'token'), 'dapi-1');
    assert.equal(iniValue(ini, 'prod', 'host'), 'b.example.com');
    assert.equal(iniValue(ini, 'prod', 'token'), 'dapi-2');
  });

  it('keeps # and ; inside values (passwords), and splits at the first = or :', () => {
    const ini = parseIni('[mlflow]\nmlflow_tracking_password = p#ss;w=rd:x\nhost = https://h:8443/x\n');
    assert.equal(iniValue(ini, 'mlflow', 'mlflow_tracking_password'), 'p#ss;w=rd:x');
    assert.equal(iniValue(ini, 'mlflow', 'host'), 'https://h:8443/x');
  });

  it('matches keys case-insensitively and section names exactly', () => {
    const ini = parseIni('[Prod]\nHOST = h\n');
    assert.equal(iniValue(ini, 'Prod', 'host'), 'h');
    assert.equal(iniValue(ini, 'prod', 'host'), undefined);
  });

  it('does not let [DEFAULT] fill in other sections', () => {
    const ini = parseIni('[DEFAULT]\ntoken = t\n[dev]\nhost = h\n');
    assert.equal(iniValue(ini, 'dev', 'token'), undefined);
  });

  it('ignores keys before any section, lines without a key, and empty values', () => {
    const ini = parseIni('orphan = 1\n[s]\n= nothing\nempty =\njust words\n');
    assert.equal(iniValue(ini, 's', 'orphan'), undefined);
    assert.equal(iniValue(ini, 's', 'empty'), undefined);
    assert.deepEqual([...ini.get('s')!.keys()], ['empty']);
  });

  it('merges a repeated section, later keys winning; a section named __proto__ is harmless', () => {
    const ini = parseIni('[a]\nx = 1\ny = 1\n[a]\ny = 2\n[__proto__]\nz = 3\n');
    assert.equal(iniValue(ini, 'a', 'x'), '1');
    assert.equal(iniValue(ini, 'a', 'y'), '2');
    assert.equal(iniValue(ini, '__proto__', 'z'), '3');
    assert.equal(iniValue(ini, 'toString', 'x'), undefined);
  });
});
