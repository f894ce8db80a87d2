/**
 * Embedded PostgreSQL in a process of its own. `npm start` runs it in its own process group so that
 * Ctrl-C reaches only the orchestrator, which then stops the gateway, the subgraphs and PostgreSQL
 * last, in that order, instead of every process at once.
 */
import { startEmbeddedPostgres } from '@peacegraph/kit';

async function main(): Promise<void> {
  const server = await startEmbeddedPostgres({
    dataDir: process.env.PEACEGRAPH_PG_DATA!,
    port: Number(process.env.PEACEGRAPH_PG_PORT),
    persistent: true,
    onLog: (line) => {
      if (/FATAL|PANIC|ERROR/.test(line) && !/terminating connection due to administrator/.test(line)) {
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
  // The orchestrator died without stopping us: do not leave a server behind.
  process.on('disconnect', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`embedded PostgreSQL failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
