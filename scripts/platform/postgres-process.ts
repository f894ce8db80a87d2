/**
 * Embedded PostgreSQL in a process of its own. `npm start` runs it in its own process group so that
 * Ctrl-C reaches only the supervisor, which then stops the gateway, the subgraphs and PostgreSQL
 * last, in that order, instead of every process at once. If the postmaster dies, this process exits
 * with it, and the supervisor starts both again.
 */
import { startEmbeddedPostgres } from '@peacegraph/kit/embedded';
import { onParentGone } from '@peacegraph/kit/server';

async function main(): Promise<void> {
  const server = await startEmbeddedPostgres({
    dataDir: process.env.PEACEGRAPH_PG_DATA!,
    port: Number(process.env.PEACEGRAPH_PG_PORT),
    persistent: true,
    onLog: (line) => {
      if (/FATAL|PANIC|ERROR|orphaned/.test(line) && !/terminating connection due to administrator/.test(line)) {
        process.stderr.write(`${line}\n`);
      }
    },
  });
  process.send?.({ ready: server.url });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.stop().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // The supervisor died without stopping us (even by SIGKILL): do not leave a server behind.
  onParentGone(stop);
  void server.exited.then(() => {
    if (stopping) return;
    process.stderr.write('the PostgreSQL server process exited\n');
    process.exit(1);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`embedded PostgreSQL failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
