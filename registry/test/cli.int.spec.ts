import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bearer } from '@peacegraph/kit/testing';
import { startDeployableSubgraph, type DeployableSubgraph } from './fixtures/deployable-subgraph';
import { ORGS, startRegistryForTest, type RegistryUnderTest } from './support';

const ROOT = path.resolve(__dirname, '../..');
const SDL = `type Visit @key(fields: "id") @partner {\n  id: ID!\n  place: String\n}\ntype Query @public {\n  visit(id: ID!): Visit\n}\n`;

let registry: RegistryUnderTest;
let visits: DeployableSubgraph;
let dir: string;
let adminToken: string;

beforeAll(async () => {
  registry = await startRegistryForTest();
  visits = await startDeployableSubgraph(SDL);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schema-cli-'));
  fs.writeFileSync(path.join(dir, 'visits.graphql'), SDL);
  fs.writeFileSync(path.join(dir, 'broken.graphql'), 'type Visit {\n  id ID!\n}\n');
  adminToken = (await bearer(ORGS.platform, 'admin', { subject: 'ci' })).replace('Bearer ', '');
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await visits?.stop();
  await registry?.stop();
});

/** The CLI as CI runs it: its exit code and what it printed. */
function schema(args: string[], token: string | undefined = adminToken): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(ROOT, 'scripts/schema.ts'),
        ...args.map((a) => (a.endsWith('.graphql') ? path.join(dir, a) : a)),
        '--registry',
        registry.base,
      ],
      { cwd: ROOT, env: { ...process.env, PEACEGRAPH_TOKEN: token ?? '' } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

test("publish launches and exits 0; --json answers the registry's result", async () => {
  const { code, stdout } = await schema(['publish', 'visits', 'visits.graphql', '--url', visits.url, '--message', 'first', '--json']);
  expect(code).toBe(0);
  const result = JSON.parse(stdout) as { outcome: string; launch: { composition: { id: string } } };
  expect(result.outcome).toBe('LAUNCHED');
  const history = await schema(['history']);
  expect(history.code).toBe(0);
  expect(history.stdout).toContain(`* `);
  expect(history.stdout).toContain(result.launch.composition.id);
});

test('a check that fails exits 1 and prints where', async () => {
  const { code, stdout } = await schema(['check', 'visits', 'broken.graphql']);
  expect(code).toBe(1);
  expect(stdout).toMatch(/FAILED/);
  expect(stdout).toMatch(/INVALID_GRAPHQL visits:2:6/);
});

test('a refusal of the registry exits 1 with its words', async () => {
  const partner = (await bearer(ORGS.mediators, 'conflicts:write')).replace('Bearer ', '');
  const { code, stderr } = await schema(['publish', 'visits', 'visits.graphql'], partner);
  expect(code).toBe(1);
  expect(stderr).toMatch(/FORBIDDEN/);
  const rollback = await schema(['rollback', '00000000-0000-4000-8000-00000000dead']);
  expect(rollback.code).toBe(1);
  expect(rollback.stderr).toMatch(/NOT_FOUND/);
});

test.each([
  [['frobnicate']],
  [['check', 'visits']],
  [['check', 'visits', 'missing.graphql']],
  [['publish', 'visits', 'visits.graphql', '--nope']],
  [['check', 'visits', 'visits.graphql', '--usage-days', 'many']],
])('a wrong command line %j exits 2 with the usage', async (args) => {
  const { code, stderr } = await schema(args);
  expect(code).toBe(2);
  expect(stderr).toMatch(/Usage: npm run schema/);
});

test('no token exits 2 and says where to get one', async () => {
  const { code, stderr } = await schema(['history'], '');
  expect(code).toBe(2);
  expect(stderr).toMatch(/PEACEGRAPH_TOKEN/);
});
