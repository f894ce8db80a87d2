/**
 * `npm run token -- --org <organisation id> --scope "curriculum:write conflicts:read" [--ttl 1h] [--sub name]`
 * prints a development token signed with the local platform's secret (see platform/dev-secret.ts).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SCOPE_PATTERN, parseScopes } from '@peacegraph/kit/auth';
import { devSecret, devToken } from './platform/dev-secret';

const root = path.resolve(__dirname, '..');
const USAGE = 'Usage: npm run token -- --org <organisation id> --scope "<scopes>" [--ttl 1h] [--sub <name>]';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        org: { type: 'string' },
        scope: { type: 'string' },
        ttl: { type: 'string', default: '1h' },
        sub: { type: 'string', default: 'dev-user' },
      },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const problems: string[] = [];
  if (!values.org || !/^[0-9a-f-]{36}$/i.test(values.org)) problems.push('--org must be an organisation id (a UUID from the directory)');
  const scopes = parseScopes(values.scope ?? '');
  if (scopes.length === 0) problems.push('--scope must name at least one scope, e.g. "directory:write"');
  const bad = scopes.filter((s) => !SCOPE_PATTERN.test(s));
  if (bad.length) problems.push(`unknown scope(s): ${bad.join(', ')} (scopes are <domain>:read|write|sensitive or admin)`);
  if (!/^\d+[smhd]$/.test(values.ttl!)) problems.push('--ttl must be a number and a unit, e.g. 30m, 1h, 7d');
  const secret = devSecret(root, false);
  if (!secret) problems.push('no secret: run npm start once (it creates .data/dev-secret) or set AUTH_HS256_SECRET');
  if (problems.length) {
    process.stderr.write(`${problems.map((p) => `  - ${p}`).join('\n')}\n${USAGE}\n`);
    return 2;
  }
  process.stdout.write(`${await devToken(secret!, values.org!, scopes, values.ttl!, values.sub!)}\n`);
  return 0;
}

main().then((code) => {
  process.exitCode = code;
});
