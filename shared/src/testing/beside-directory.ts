import type { PolicyContext } from '../policy/enforce';
import type { SubgraphDefinition } from '../subgraph/definition';
import { serveSubgraphForTest, type ServedForTest } from './served';
import type { TestDatabase } from './test-database';

/** A directory a subgraph under test asks: served over HTTP, stopped by whoever started it. */
interface DirectoryForTest {
  url: string;
  stop: () => Promise<void>;
}

/**
 * A subgraph over HTTP on a fresh migrated database, beside a real directory: the one given
 * (end-to-end tests share one directory between subgraphs; its owner stops it), or its own, made by
 * `start` and stopped with the subgraph.
 */
export async function serveBesideDirectory<C extends PolicyContext, D extends DirectoryForTest>(
  definition: SubgraphDefinition<C>,
  directory: { given?: D; start: () => Promise<D> },
): Promise<ServedForTest & { db: TestDatabase; directory: D }> {
  const asked = directory.given ?? (await directory.start());
  const served = await serveSubgraphForTest(definition, { directoryUrl: asked.url });
  return {
    ...served,
    directory: asked,
    stop: async () => {
      await served.stop();
      if (!directory.given) await asked.stop();
    },
  };
}
