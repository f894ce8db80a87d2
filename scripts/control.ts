/**
 * Talks to the platform `npm start` runs in this checkout:
 *   npm run restart -- <service>   stop one service (a subgraph, the gateway or postgres), apply its
 *                                  migrations again, start it; the rest keeps serving
 *   npm run status                 each service's state, process and restarts
 */
import path from 'node:path';
import { askPlatform, controlSocketPath, type ControlRequest } from './platform/control';

const root = path.resolve(__dirname, '..');

async function main(): Promise<number> {
  const [command, name] = process.argv.slice(2);
  let request: ControlRequest;
  if (command === 'restart' && name) request = { restart: name };
  else if (command === 'status') request = { status: true };
  else {
    process.stderr.write('usage: npm run restart -- <service>   |   npm run status\n');
    return 2;
  }
  const answer = await askPlatform(controlSocketPath(root), request);
  if (!answer.ok) {
    process.stderr.write(`${answer.error}\n`);
    return 1;
  }
  for (const s of answer.services) {
    process.stdout.write(
      `${s.name.padEnd(14)}${s.state.padEnd(12)}${String(s.pid ?? '-').padEnd(9)}restarts ${s.restarts}${s.reason ? `  (${s.reason})` : ''}\n`,
    );
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  },
);
