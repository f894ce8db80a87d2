/**
 * `npm run rollups -- rebuild [<subgraph>…]` empties each statistics rollup and fills it again from the
 * raw rows; `npm run rollups -- check [<subgraph>…]` compares each stored rollup with a fresh computation
 * and says how many rows differ (exit 1 if any). Default: every subgraph with a rollup. The services keep
 * the rollups in their writing transactions; this is for rows written around them (a DELETE by hand, the
 * bench's clean-up, an old replica during a rolling deploy). Each subgraph's database is found as
 * `npm start` finds it: DATABASE_URL_<NAME>, else peacegraph_<name> on DATABASE_URL's server, else the
 * embedded PostgreSQL.
 */
import { Client } from 'pg';
import { databaseUrl } from '../bench/lib/config';
import { checkRollups, rebuildRollups, ROLLUP_SUBGRAPHS, ROLLUPS, type RollupSubgraph } from './platform/rollups';

const USAGE = `Usage: npm run rollups -- rebuild|check [${ROLLUP_SUBGRAPHS.join('|')} …]`;

export interface RollupsIo {
  urlFor: (subgraph: RollupSubgraph) => string;
  write: (line: string) => void;
}

const defaultIo: RollupsIo = {
  urlFor: (subgraph) => databaseUrl(subgraph, undefined, undefined),
  write: (line) => process.stdout.write(`${line}\n`),
};

/** Runs the command; the exit code: 0 done (or in step), 1 a rollup out of step or a database failed, 2 bad usage. */
export async function runRollups(args: readonly string[], io: RollupsIo = defaultIo): Promise<number> {
  const [command, ...named] = args;
  const unknown = named.filter((name) => !(ROLLUP_SUBGRAPHS as string[]).includes(name));
  if ((command !== 'rebuild' && command !== 'check') || unknown.length) {
    io.write(unknown.length ? `No rollups in: ${unknown.join(', ')}\n${USAGE}` : USAGE);
    return 2;
  }
  let code = 0;
  let outOfStep = false;
  for (const subgraph of named.length ? (named as RollupSubgraph[]) : ROLLUP_SUBGRAPHS) {
    const client = new Client({ connectionString: io.urlFor(subgraph) });
    try {
      await client.connect();
      if (command === 'rebuild') {
        const started = Date.now();
        await rebuildRollups(client, ROLLUPS[subgraph]);
        io.write(`${subgraph}: rebuilt ${ROLLUPS[subgraph].rollups.map((r) => r.table).join(', ')} in ${Date.now() - started} ms`);
      } else {
        for (const [table, differing] of Object.entries(await checkRollups(client, ROLLUPS[subgraph]))) {
          io.write(`${subgraph}: ${table} ${differing === 0 ? 'in step' : `${differing} rows differ from the raw rows`}`);
          if (differing > 0) [code, outOfStep] = [1, true];
        }
      }
    } catch (error) {
      // The message only (e.g. "database … does not exist"): no statement, no stack.
      io.write(`${subgraph}: ${command} failed: ${(error as Error).message}`);
      code = 1;
    } finally {
      await client.end().catch(() => {});
    }
  }
  if (outOfStep) io.write('Run `npm run rollups -- rebuild <subgraph>` to bring a rollup back in step.');
  return code;
}

if (require.main === module) {
  void runRollups(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
