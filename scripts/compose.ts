/**
 * `npm run compose`: composes supergraph.graphql from supergraph.yaml.
 *
 *   npm run compose                      write supergraph.graphql (only if it changed; not when it
 *                                        breaks clients of the current one, unless --allow-breaking)
 *   npm run compose -- --check           write nothing; fail on composition errors or breaking changes
 *   --config <path>  --out <path>        other files than the repository's (tests use temp dirs)
 *   --against <path>                     compare with another supergraph, e.g. the main branch's
 *
 * With the repository's own supergraph.yaml it also writes (or, with --check, verifies) the docker
 * compose file and the database init derived from the same plan (scripts/platform/docker-files.ts).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import fs from 'node:fs/promises';
import { composeSupergraph, describeReport, readSupergraphConfig } from '@peacegraph/kit/composition';
import { dockerFiles } from './platform/docker-files';

const root = path.resolve(__dirname, '..');

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        check: { type: 'boolean', default: false },
        config: { type: 'string' },
        out: { type: 'string' },
        against: { type: 'string' },
        'allow-breaking': { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    process.stderr.write(
      `${(error as Error).message}\nUsage: npm run compose -- [--check] [--allow-breaking] [--config <path>] [--out <path>] [--against <path>]\n`,
    );
    return 2;
  }

  const report = await composeSupergraph({
    configPath: values.config ?? path.join(root, 'supergraph.yaml'),
    outPath: values.out ?? (values.config ? undefined : path.join(root, 'supergraph.graphql')),
    againstPath: values.against,
    check: values.check,
    allowBreaking: values['allow-breaking'],
    // The platform's own schemas describe everything they offer integrators (a config of one's own may not).
    requireDescriptions: !values.config,
  });
  const text = `${describeReport(report).join('\n')}\n`;
  if (report.ok) process.stdout.write(text);
  else process.stderr.write(text);
  const docker = values.config ? true : await syncDockerFiles(values.check);
  return report.ok && docker ? 0 : 1;
}

/** Writes the docker files when they differ from the plan; with `check`, says which are stale instead. */
async function syncDockerFiles(check: boolean): Promise<boolean> {
  const { subgraphs } = await readSupergraphConfig(path.join(root, 'supergraph.yaml'));
  let fresh = true;
  for (const [file, text] of Object.entries(dockerFiles(subgraphs))) {
    const current = await fs.readFile(path.join(root, file), 'utf8').catch(() => undefined);
    if (current === text) continue;
    if (check) {
      process.stderr.write(`${file} does not follow supergraph.yaml (run \`npm run compose\` to write it)\n`);
      fresh = false;
    } else {
      await fs.writeFile(path.join(root, file), text);
      process.stdout.write(`wrote ${file} from supergraph.yaml\n`);
    }
  }
  return fresh;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`compose failed: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
