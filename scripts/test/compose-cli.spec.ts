import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createSupergraphWorkspace, directorySdl, type SupergraphWorkspace } from '@peacegraph/kit/testing';

const root = path.resolve(__dirname, '..', '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run compose -- …args`, as CI runs it. */
function compose(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(tsx, [path.join(root, 'scripts', 'compose.ts'), ...args], { cwd: root }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

let workspace: SupergraphWorkspace;

beforeAll(async () => {
  workspace = await createSupergraphWorkspace({ directory: directorySdl() });
});

afterAll(async () => {
  await workspace.remove();
});

describe('npm run compose', () => {
  jest.setTimeout(30_000);

  it('writes the supergraph to --out, then --check finds no breaking changes and exits 0', async () => {
    const write = await compose('--config', workspace.configPath, '--out', workspace.supergraphPath);
    expect(write.code).toBe(0);
    expect(write.stdout).toMatch(/^Composed 1 subgraph: directory \(http:\/\/directory\.invalid\/graphql\)$/m);
    expect(write.stdout).toMatch(/^Wrote .*supergraph\.graphql$/m);
    await expect(fs.readFile(workspace.supergraphPath, 'utf8')).resolves.toContain('@join__graph(name: "directory"');

    const check = await compose('--check', '--config', workspace.configPath, '--out', workspace.supergraphPath);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/^no breaking changes$/m);
  });

  it('--check exits 1 and lists a removed field, leaving the committed file as it was', async () => {
    const committed = await fs.readFile(workspace.supergraphPath, 'utf8');
    await workspace.writeSchema('directory', directorySdl().replace('  brokenCommunity: Community\n', ''));

    const check = await compose('--check', '--config', workspace.configPath, '--out', workspace.supergraphPath);

    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/^1 breaking change against .*supergraph\.graphql:$/m);
    expect(check.stderr).toContain("  - FIELD_REMOVED: Field 'brokenCommunity' was removed from object type 'Query'");
    expect(await fs.readFile(workspace.supergraphPath, 'utf8')).toBe(committed);
  });

  it('refuses to write a breaking supergraph unless --allow-breaking is given', async () => {
    await workspace.writeSchema('directory', directorySdl());
    expect((await compose('--config', workspace.configPath, '--out', workspace.supergraphPath)).code).toBe(0);
    const committed = await fs.readFile(workspace.supergraphPath, 'utf8');
    await workspace.writeSchema('directory', directorySdl().replace('  brokenCommunity: Community\n', ''));

    const write = await compose('--config', workspace.configPath, '--out', workspace.supergraphPath);
    expect(write.code).toBe(1);
    expect(write.stderr).toMatch(/NOT written: the composition breaks clients/);
    expect(write.stderr).toContain("FIELD_REMOVED: Field 'brokenCommunity' was removed from object type 'Query'");
    expect(await fs.readFile(workspace.supergraphPath, 'utf8')).toBe(committed);

    const allowed = await compose('--allow-breaking', '--config', workspace.configPath, '--out', workspace.supergraphPath);
    expect(allowed.code).toBe(0);
    expect(await fs.readFile(workspace.supergraphPath, 'utf8')).not.toContain('brokenCommunity');
    await workspace.writeSchema('directory', directorySdl());
    expect((await compose('--allow-breaking', '--config', workspace.configPath, '--out', workspace.supergraphPath)).code).toBe(0);
  });

  it('exits 1 on a composition error, printing its code and message', async () => {
    await workspace.writeSchema('directory', directorySdl().replace('@key(fields: "id")', '@key(fields: "code")'));

    const check = await compose('--check', '--config', workspace.configPath, '--out', workspace.supergraphPath);

    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/^Composition failed with 1 error:$/m);
    expect(check.stderr).toMatch(
      /^ {2}- \[KEY_INVALID_FIELDS\] \[directory\] On type "Community", for @key\(fields: "code"\): Cannot query field "code"/m,
    );
  });

  it('exits 1 in both modes on a non-null root field, printing the subgraph, the field and its file:line', async () => {
    await workspace.writeSchema('directory', directorySdl().replace('brokenCommunity: Community', 'brokenCommunity: Community!'));

    for (const mode of [['--check'], []]) {
      const run = await compose(...mode, '--config', workspace.configPath, '--out', workspace.supergraphPath);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^Composition failed with 1 error:$/m);
      expect(run.stderr).toMatch(
        /^ {2}- \[NON_NULL_ROOT_FIELD\] \[directory\] Root field "Query\.brokenCommunity" is non-null \(Community!\)/m,
      );
      expect(run.stderr).toMatch(/^ {6}at .*directory\/schema\.graphql:4:3$/m);
    }
  });

  it('exits 2 with the usage on an unknown option', async () => {
    const run = await compose('--chek');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Unknown option '--chek'");
    expect(run.stderr).toContain('Usage: npm run compose -- [--check]');
  });
});
