/**
 * `npm run compose`: composes supergraph.graphql from supergraph.yaml.
 *
 *   npm run compose                      write supergraph.graphql (only if it changed)
 *   npm run compose -- --check           write nothing; fail on composition errors or breaking changes
 *   --config <path>  --out <path>        other files than the repository's (tests use temp dirs)
 *   --against <path>                     compare with another supergraph, e.g. the main branch's
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { composeSupergraph, describeReport } from '../gateway/src/composition';

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
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    process.stderr.write(
      `${(error as Error).message}\nUsage: npm run compose -- [--check] [--config <path>] [--out <path>] [--against <path>]\n`,
    );
    return 2;
  }

  const report = await composeSupergraph({
    configPath: values.config ?? path.join(root, 'supergraph.yaml'),
    outPath: values.out ?? (values.config ? undefined : path.join(root, 'supergraph.graphql')),
    againstPath: values.against,
    check: values.check,
  });
  const text = `${describeReport(report).join('\n')}\n`;
  if (report.ok) process.stdout.write(text);
  else process.stderr.write(text);
  return report.ok ? 0 : 1;
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
