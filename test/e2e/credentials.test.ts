import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RegistryClient } from '../../src/registry/client';
import { useE2eSession } from './support/session';

const ADMIN = 'admin';
const PASSWORD = 'e2e-Secret-pw-4711';
const MODEL = 'guarded-wind-model';

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : e.name.endsWith('.json') ? [p] : [];
  });
}

describe('credentials: a 401 asks to sign in, secrets stay out of settings', function () {
  this.timeout(180_000);
  const session = useE2eSession({
    mlflow: { seed: false, basicAuth: { adminUsername: ADMIN, adminPassword: PASSWORD } },
    prepare: async (mlflow) => {
      const admin = new RegistryClient({ baseUrl: mlflow.url, auth: { kind: 'basic', username: ADMIN, password: PASSWORD } });
      await admin.models.create(MODEL, { description: 'Only for signed-in users.' });
      await admin.close();
    },
    vscode: (mlflow) => ({
      settings: { 'mlflowRegistry.trackingUri': mlflow.url },
      env: { MLFLOW_TRACKING_USERNAME: '', MLFLOW_TRACKING_PASSWORD: '', MLFLOW_TRACKING_TOKEN: '' },
    }),
  });

  async function signIn(password: string): Promise<void> {
    const widget = session.wb.page.locator('.quick-input-widget');
    await widget.getByText('needs you to sign in', { exact: false }).waitFor({ timeout: 30_000 });
    await session.wb.screenshot('credentials-prompt');
    await widget.locator('.monaco-list-row:has-text("User name and password")').click();
    const input = widget.locator('input');
    await widget.getByText('User name for', { exact: false }).waitFor();
    await input.fill(ADMIN);
    await session.wb.page.keyboard.press('Enter');
    await widget.getByText(`Password for ${ADMIN}`, { exact: false }).waitFor();
    assert.equal(await input.getAttribute('type'), 'password', 'the password is typed into a masked box');
    await input.fill(password);
    await session.wb.page.keyboard.press('Enter');
  }

  it("the 401 of MLflow's auth app leads to a sign-in prompt; the right password lists the models", async () => {
    await session.wb.openRegistryView();
    await signIn(PASSWORD);
    await session.wb.row(MODEL).waitFor({ timeout: 30_000 });
    // Signed in, the status bar names the host without "not signed in".
    await session.wb.page.locator('.statusbar-item:has-text("not signed in")').waitFor({ state: 'detached', timeout: 15_000 });
    await session.wb.page.locator(`.statusbar-item:has-text("${new URL(session.mlflow.url).host}")`).waitFor();
    await session.wb.screenshot('credentials-signed-in');
  });

  it('no settings file holds the password', () => {
    const files = [
      ...filesUnder(path.join(session.vscode.userDataDir, 'User')),
      ...filesUnder(path.join(session.vscode.userDataDir, 'Machine')),
      ...filesUnder(path.join(session.vscode.workspace, '.vscode')),
    ].filter((f) => f.endsWith('settings.json'));
    assert.ok(files.length >= 1);
    for (const f of files) assert.ok(!fs.readFileSync(f, 'utf8').includes(PASSWORD), `${f} holds the password`);
  });

  it('Forget Stored Credentials makes the next request ask again', async () => {
    await session.wb.runCommand('MLflow: Forget Stored Credentials');
    await session.wb.page.locator('.quick-input-widget').getByText('needs you to sign in', { exact: false }).waitFor({ timeout: 30_000 });
    await session.wb.page.keyboard.press('Escape');
    await session.wb.page.locator('.part.sidebar').getByText('needs valid credentials', { exact: false }).waitFor({ timeout: 15_000 });
    assert.equal(await session.wb.row(MODEL).count(), 0, 'nothing listed without credentials');
    // A 401 means the server answered: the status bar says "not signed in", not unreachable.
    await session.wb.page
      .locator(`.statusbar-item:has-text("${new URL(session.mlflow.url).host}: not signed in")`)
      .waitFor({ timeout: 15_000 });
    await session.wb.screenshot('credentials-forgotten');
  });

  it('clicking "not signed in" in the status bar asks again, and signing in lists the models', async () => {
    await session.wb.page.locator(`.statusbar-item:has-text("${new URL(session.mlflow.url).host}: not signed in")`).click();
    await signIn(PASSWORD);
    await session.wb.row(MODEL).waitFor({ timeout: 30_000 });
    await session.wb.page.locator('.statusbar-item:has-text("not signed in")').waitFor({ state: 'detached', timeout: 15_000 });
  });
});
