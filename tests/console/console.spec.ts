import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { createAuthenticator, remoteIdentityStore } from '@peacegraph/kit/auth';
import { createLogger } from '@peacegraph/kit/server';
import { TEST_AUTH, bearer, graphqlClient, ok } from '@peacegraph/kit/testing';
import { startGateway, type RunningGateway } from '../../gateway/src/gateway';
import {
  GRIEVANCES_V1,
  GRIEVANCES_V2,
  startDeployableSubgraph,
  type DeployableSubgraph,
} from '../../registry/test/fixtures/deployable-subgraph';
import { startRegistryForTest, type RegistryUnderTest } from '../../registry/test/support';
import { ensureConsoleBuilt } from '../../scripts/platform/console-build';
import { ORGS, ROOT, startPlatform, type PlatformUnderTest } from '../support';
import { ARTEFACTS, findChromium, launchChromium } from './browser';

/**
 * The console end to end in real headless Chromium: the six subgraphs and a partner's seventh, the
 * registry serving the console, a gateway following the registry and reporting usage to it, the CLI
 * publishing and checking. Each page is saved as a screenshot under .data/test-artefacts/console/.
 */
const CHROMIUM = findChromium();
const SUBGRAPHS = ['directory', 'curriculum', 'conflicts', 'forums', 'mining', 'displacement'] as const;
const V1 = GRIEVANCES_V1;
const V2 = GRIEVANCES_V2;
const WITHOUT_SUMMARY = V2.replace('  summary: String\n', '');

if (!CHROMIUM) {
  // In CI the browser tests must run (.ci/run installs Chromium); elsewhere they are skipped, and say so.
  if (process.env.CI) throw new Error('No Chromium found for the console tests: apt-get install -y chromium, or set CHROMIUM_PATH');
  console.warn('The console browser tests were skipped: no Chromium at CHROMIUM_PATH or /usr/bin/chromium (apt-get install -y chromium).');
}
const inBrowser = CHROMIUM ? describe : describe.skip;

let platform: PlatformUnderTest;
let registry: RegistryUnderTest;
let grievances: DeployableSubgraph;
let gateway: RunningGateway;
let context: BrowserContext;
let closeBrowser: () => Promise<void>;
let work: string;
let adminToken: string;
let educatorsToken: string;
const timings: Record<string, unknown> = {};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** `npm run schema -- …` as a partner's CI runs it; resolves with the exit code and output. */
function schemaCli(token: string, ...args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'scripts/schema.ts'), ...args, '--registry', registry.base],
      { cwd: ROOT, env: { ...process.env, PEACEGRAPH_TOKEN: token } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, out: `${stdout}${stderr}` }),
    );
  });
}

function sdlFile(name: string, sdl: string): string {
  const file = path.join(work, name);
  fs.writeFileSync(file, sdl);
  return file;
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTEFACTS, `${name}.png`), fullPage: true });
}

async function openConsole(hash = ''): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(`${registry.base}/${hash}`);
  return page;
}

async function signIn(page: Page, token: string): Promise<void> {
  await page.getByLabel('Token or API key').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText(/^Signed in as /).waitFor();
}

inBrowser('the console in Chromium', () => {
  beforeAll(async () => {
    await ensureConsoleBuilt(ROOT);
    fs.mkdirSync(ARTEFACTS, { recursive: true });
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'peacegraph-console-test-'));
    platform = await startPlatform();
    grievances = await startDeployableSubgraph(V1);
    const gatewayPort = await freePort();
    registry = await startRegistryForTest({
      directory: platform.directory,
      console: { dir: path.join(ROOT, 'console', 'dist'), gatewayUrl: `http://127.0.0.1:${gatewayPort}/graphql` },
    });
    // Tokens as npm run token prints them (bearer() gives the header's value).
    adminToken = (await bearer(ORGS.platform, 'admin', { subject: 'platform-admin' })).replace(/^Bearer /, '');
    educatorsToken = (await bearer(ORGS.educators, 'curriculum:write', { subject: 'educator-1' })).replace(/^Bearer /, '');
    const PUBLISH = `mutation ($input: PublishInput!) { publishSchema(input: $input) { outcome reasons } }`;
    // The six real subgraphs, as npm start publishes them; then the educators' own.
    for (const name of SUBGRAPHS) {
      const { publishSchema } = await ok<{ publishSchema: { outcome: string; reasons: string[] } }>(registry.admin, PUBLISH, {
        input: {
          subgraph: name,
          sdl: fs.readFileSync(path.join(ROOT, 'subgraphs', name, 'schema.graphql'), 'utf8'),
          routingUrl: platform[name].url,
        },
      });
      expect([name, publishSchema.outcome]).toEqual([name, 'LAUNCHED']);
    }
    await ok(registry.admin, `mutation ($input: RegisterSubgraphInput!) { registerSubgraph(input: $input) { name } }`, {
      input: { name: 'grievances', routingUrl: grievances.url, ownerOrganisationId: ORGS.educators },
    });
    const first = await schemaCli(
      educatorsToken,
      'publish',
      'grievances',
      sdlFile('v1.graphql', V1),
      '--message',
      'first grievances schema',
    );
    expect([first.code, first.out]).toEqual([0, expect.stringMatching(/^Launched: /)]);
    gateway = await startGateway({
      port: gatewayPort,
      host: '127.0.0.1',
      registry: {
        url: registry.base,
        token: registry.gatewayAuthorization.replace('Bearer ', ''),
        cachePath: path.join(work, 'supergraph.graphql'),
        pollMs: 100,
      },
      usage: { flushMs: 100_000 },
      corsOrigins: ['localhost'],
      logger: createLogger('gateway-test', 'silent'),
      authenticate: await createAuthenticator(TEST_AUTH, remoteIdentityStore(platform.directory.url, { apiKeyTtlMs: 0 })),
    });
    // A field app reads grievance summaries: the usage a breaking change is weighed against.
    const fieldApp = graphqlClient(gateway.url, { 'graphql-client-name': 'field-app', 'graphql-client-version': '2.1.0' });
    for (let i = 0; i < 3; i++) await ok(fieldApp, 'query GrievanceSummary { grievance(id: "g-1") { id summary } }');
    await ok(fieldApp, 'query Regions { adminAreas(country: "ML", level: 1) { totalCount } }');
    expect((await gateway.usage!.flush()).sent).toBeGreaterThan(0);
    ({ context, close: closeBrowser } = await launchChromium(CHROMIUM!));
  }, 240_000);

  afterAll(async () => {
    fs.writeFileSync(path.join(ARTEFACTS, 'timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
    await closeBrowser?.();
    await gateway?.stop();
    await registry?.stop();
    await grievances?.stop();
    await platform?.stop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  test('its JavaScript is under 300 KB compressed', () => {
    const assets = path.join(ROOT, 'console', 'dist', 'assets');
    const bytes = fs
      .readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(path.join(assets, f)), { level: 9 }).length, 0);
    timings.javascriptGzipBytes = bytes;
    expect(bytes).toBeGreaterThan(10_000);
    expect(bytes).toBeLessThan(300 * 1024);
  });

  test('signs in with a token and shows the seven subgraphs, each up, with their owners and traffic', async () => {
    const page = await openConsole();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    // The first thing a keyboard reaches is the way past the header.
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Skip to the content');
    await signIn(page, adminToken);
    expect(await page.getByText(/^Signed in as /).textContent()).toBe('Signed in as platform-admin (administrator)');
    const rows = page.locator('tr[data-subgraph]');
    await rows.nth(6).waitFor();
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-subgraph')))).toEqual([
      'conflicts',
      'curriculum',
      'directory',
      'displacement',
      'forums',
      'grievances',
      'mining',
    ]);
    expect(await page.locator('tr[data-subgraph] .health').allTextContents()).toEqual(Array(7).fill('up'));
    const owner = await page.locator('tr[data-subgraph="grievances"] td').first().textContent();
    expect(owner).toBe('Village Educators Network (VEN)');
    await page.getByText(/^\d+ requests, \d+ errors/).waitFor();
    expect(await page.getByText(/^\d+ requests, \d+ errors/).textContent()).toMatch(/^4 requests, 0 errors, p95 \d+ ms$/);
    await shoot(page, 'overview');
    // Read in the page (the tests' own TypeScript has no DOM types).
    const navigation = await page.evaluate(`(() => {
      const [entry] = performance.getEntriesByType('navigation');
      return { domContentLoadedMs: Math.round(entry.domContentLoadedEventEnd), loadMs: Math.round(entry.loadEventEnd) };
    })()`);
    timings.firstLoad = navigation;
    await page.close();
  });

  test('a change published through the CLI shows in the history, with its diff', async () => {
    await grievances.deploy(V2);
    const published = await schemaCli(
      educatorsToken,
      'publish',
      'grievances',
      sdlFile('v2.graphql', V2),
      '--message',
      'notes for mediators',
    );
    expect(published.code).toBe(0);
    const page = await openConsole('#/schema/grievances');
    await signIn(page, adminToken);
    await page.getByRole('heading', { name: 'History' }).waitFor();
    expect(await page.locator('tr[data-version] td:nth-child(4)').allTextContents()).toEqual([
      'notes for mediators',
      'first grievances schema',
    ]);
    await page.getByRole('button', { name: 'Show the differences' }).click();
    await page.getByText('1 lines added, 0 removed').waitFor();
    expect(await page.locator('.changelog li').allTextContents()).toEqual(["safe Field 'notes' was added to object type 'Grievance'"]);
    expect(await page.locator('td.added').allTextContents()).toEqual(['+  notes: String']);
    expect(await page.locator('tr[data-coordinate="Grievance.summary"] .badge').textContent()).toBe('PARTNER');
    await shoot(page, 'schema');
    await page.close();
  });

  test('a failing check names the operation it would break; an admin approves it, and the same change passes', async () => {
    const check = await schemaCli(educatorsToken, 'check', 'grievances', sdlFile('without-summary.graphql', WITHOUT_SUMMARY));
    expect(check.code).toBe(1);
    const page = await openConsole('#/checks');
    await signIn(page, adminToken);
    const latest = page.locator('tr[data-check]').first();
    await latest.waitFor();
    expect(await latest.locator('td').allTextContents()).toEqual([
      expect.any(String),
      'grievances',
      'failed',
      expect.stringMatching(/^[1-9]/),
      'educator-1',
    ]);
    await latest.getByRole('link').click();
    await page.getByRole('heading', { name: 'Check of grievances' }).waitFor();
    const removal = page.locator('li.change[data-coordinate="Grievance.summary"]');
    expect(await removal.locator('.badge').first().textContent()).toBe('breaking');
    expect(await removal.locator('table.used-by tbody tr td').allTextContents()).toEqual(['GrievanceSummary', 'field-app 2.1.0', '3']);
    await shoot(page, 'check');
    await page.getByLabel('Why is it safe to approve? (recorded)').fill('field-app 2.2 no longer reads the summary');
    await page.getByRole('button', { name: 'Approve these changes' }).click();
    await page.getByText('Approved: every later check proposing the same changes passes.').waitFor();
    await page.getByText(/^Approved by platform-admin on /).waitFor();
    expect((await schemaCli(educatorsToken, 'check', 'grievances', sdlFile('without-summary.graphql', WITHOUT_SUMMARY))).code).toBe(0);
    await page.close();
  });

  test('rolls back to an earlier composition after a confirmation that says what will change', async () => {
    const page = await openConsole('#/launches');
    await signIn(page, adminToken);
    await page.locator('tr.live').waitFor();
    expect(await page.locator('.live-why').textContent()).toMatch(
      /^Live since .*: published by educator-1 \(grievances: notes for mediators\)/,
    );
    const earlier = page.locator('tr[data-launch]', { hasText: 'first grievances schema' });
    const target = (await earlier.locator('code').textContent())!;
    await earlier.getByRole('button', { name: 'Roll back to this' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText("Field 'notes' was removed from object type 'Grievance'").waitFor();
    // Nothing happens without a reason.
    expect(await dialog.getByRole('button', { name: 'Roll back' }).isDisabled()).toBe(true);
    await shoot(page, 'rollback');
    await dialog.getByLabel('Reason (recorded in the audit log)').fill('notes leaked a complainant name');
    await dialog.getByRole('button', { name: 'Roll back' }).click();
    await page.getByText(`Rolled back: composition ${target} is live.`).waitFor();
    const live = await ok<{ liveComposition: { id: string } }>(registry.admin, '{ liveComposition { id } }');
    expect(live.liveComposition.id.slice(0, 8)).toBe(target);
    await page.locator('tr.live', { hasText: 'rolled back' }).waitFor();
    await shoot(page, 'launches');
    await page.close();
  });

  test('issues an API key, shown once, that works until it is revoked', async () => {
    const page = await openConsole('#/access');
    await signIn(page, adminToken);
    await page.getByLabel('Organisation', { exact: true }).selectOption(ORGS.educators);
    await page.getByLabel('What the key is for').fill('tablet sync, Kayes office');
    await page.getByLabel('Scopes (space-separated)').fill('curriculum:read');
    await page.getByRole('button', { name: 'Issue the key' }).click();
    const secret = (await page.locator('output.secret').textContent())!;
    expect(secret).toMatch(/^pgk_[A-Za-z0-9_-]{32}$/);
    const prefix = (await page.locator('tr[data-key]').first().getAttribute('data-key'))!;
    expect(secret.startsWith(prefix)).toBe(true);
    const withKey = graphqlClient(gateway.url, { authorization: `Bearer ${secret}` });
    expect((await withKey('{ __typename }')).errors).toBeUndefined();
    // A partner's program or data officer may sign in to the console with the key itself.
    const withKeyPage = await openConsole();
    await signIn(withKeyPage, secret);
    expect(await withKeyPage.getByText(/^Signed in as /).textContent()).toBe(`Signed in as api-key:${prefix} (partner)`);
    await withKeyPage.close();
    await shoot(page, 'access');
    await page.locator(`tr[data-key="${prefix}"]`).getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await page.locator(`tr[data-key="${prefix}"]`).waitFor({ state: 'detached' });
    const refused = await withKey('{ __typename }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await page.close();
  });

  test('usage shows each operation with its client, counts and the fields it uses', async () => {
    const page = await openConsole('#/usage');
    await signIn(page, adminToken);
    const row = page.locator('tr[data-operation="GrievanceSummary"]');
    await row.waitFor();
    expect(await row.locator('td').allTextContents()).toEqual([
      'field-app 2.1.0',
      '3',
      '0',
      expect.stringMatching(/ms$/),
      expect.stringMatching(/ms$/),
      expect.any(String),
    ]);
    await row.getByRole('button', { name: 'GrievanceSummary' }).click();
    expect(await row.locator('.coordinates li').allTextContents()).toEqual(['Grievance.id', 'Grievance.summary', 'Query.grievance']);
    await page.getByText(/^[\d,]+ unused fields$/).waitFor();
    await shoot(page, 'usage');
    await page.close();
  });

  test('the audit logs: the registry’s and a subgraph’s, filtered, and exported as CSV', async () => {
    const page = await openConsole('#/audit');
    await signIn(page, adminToken);
    await page.locator('table.audit tbody tr').first().waitFor();
    expect(await page.locator('table.audit tbody tr', { hasText: 'rollback' }).count()).toBeGreaterThan(0);
    await page.goto(`${registry.base}/#/audit/directory`);
    await page.getByLabel('Actor').fill('platform-admin');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByText(/^\d+ of \d+ entries$/).waitFor();
    const actions = await page.locator('table.audit tbody tr td:nth-child(4)').allTextContents();
    expect(actions).toEqual(expect.arrayContaining(['WRITE createApiKey', 'WRITE revokeApiKey']));
    expect(await page.locator('table.audit tbody tr td:nth-child(2)').allTextContents()).toEqual(actions.map(() => 'platform-admin'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('at,actor,organisation,action,record,detail,purpose');
    expect(lines).toHaveLength(actions.length + 1);
    expect(download.suggestedFilename()).toMatch(/^peacegraph-audit-directory-\d{4}-\d{2}-\d{2}\.csv$/);
    await shoot(page, 'audit');
    await page.close();
  });

  test('speaks French when asked, and remembers it', async () => {
    const page = await openConsole();
    await signIn(page, adminToken);
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { name: 'Vue d’ensemble' }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('fr');
    expect(await page.getByRole('navigation', { name: 'Rubriques' }).getByRole('link').allTextContents()).toEqual([
      'Vue d’ensemble',
      'Schéma',
      'Vérifications',
      'Mises en service',
      'Utilisation',
      'Organisations et clés',
      'Journal d’audit',
    ]);
    await page.getByText(/^\d+ requêtes, \d+ erreurs, p95/).waitFor();
    await shoot(page, 'overview-fr');
    await page.reload();
    await page.getByRole('heading', { name: 'Vue d’ensemble' }).waitFor();
    await page.getByLabel('Langue').selectOption('en');
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await page.close();
  });

  test('a partner sees only its own subgraphs, checks, keys and audit trail', async () => {
    const page = await openConsole();
    await signIn(page, educatorsToken);
    expect(await page.getByText(/^Signed in as /).textContent()).toBe('Signed in as educator-1 (partner)');
    await page.locator('tr[data-subgraph]').first().waitFor();
    expect(await page.locator('tr[data-subgraph]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-subgraph')))).toEqual([
      'grievances',
    ]);
    await page.getByRole('link', { name: 'Checks' }).click();
    await page.locator('tr[data-check]').first().waitFor();
    expect(new Set(await page.locator('tr[data-check] td:nth-child(2)').allTextContents())).toEqual(new Set(['grievances']));
    await page.getByRole('link', { name: 'Launches' }).click();
    await page.locator('tr.live').waitFor();
    expect(await page.getByRole('button', { name: 'Roll back to this' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Organisations and keys' }).click();
    await page.getByRole('heading', { name: 'API keys', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Issue the key' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Subgraph owners', exact: true }).count()).toBe(0);
    await page.getByRole('link', { name: 'Audit' }).click();
    await page.locator('table.audit tbody tr').first().waitFor();
    expect(new Set(await page.locator('table.audit tbody tr td:nth-child(3)').allTextContents())).toEqual(new Set([ORGS.educators]));
    await shoot(page, 'partner-audit');
    await page.close();
  });
});
