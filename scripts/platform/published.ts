import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SubgraphSource } from '@peacegraph/kit/composition';

/**
 * What npm start last published to the registry and the registry answered "unchanged" to, with the
 * composition it had launched, the same before and after those publishes. A start whose
 * schemas did not change, against a registry still serving that composition, publishes nothing: an
 * unchanged publish still cost the registry a check each (about 3 s of a start, one after another).
 * Anything else (a schema edited, another publish or a launch in the registry, a new database) gives
 * another composition id or hash, and the schema is published as before.
 */
export interface PublishedStamp {
  compositionId: string;
  schemas: Record<string, string>;
}

export const PUBLISHED_STAMP = path.join('.data', 'registry-published.json');

export function publishedHash(subgraph: SubgraphSource): string {
  return createHash('sha256')
    .update(subgraph.routingUrl)
    .update('\0')
    .update(fs.readFileSync(path.resolve(subgraph.schemaFile)))
    .digest('hex');
}

export function readPublished(root: string): PublishedStamp | undefined {
  try {
    const stamp = JSON.parse(fs.readFileSync(path.join(root, PUBLISHED_STAMP), 'utf8')) as PublishedStamp;
    return typeof stamp.compositionId === 'string' && stamp.schemas && typeof stamp.schemas === 'object' ? stamp : undefined;
  } catch {
    return undefined;
  }
}

/** Records what was published; with no launched composition (or a publish not taken) it forgets instead. */
export function writePublished(root: string, stamp: PublishedStamp | undefined): void {
  const file = path.join(root, PUBLISHED_STAMP);
  if (!stamp) {
    fs.rmSync(file, { force: true });
    return;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(stamp));
}

/** Whether the registry serves what this start would publish for the subgraph, as last published here. */
export function alreadyPublished(stamp: PublishedStamp | undefined, launchedId: string | undefined, subgraph: SubgraphSource): boolean {
  return !!stamp && !!launchedId && stamp.compositionId === launchedId && stamp.schemas[subgraph.name] === publishedHash(subgraph);
}
