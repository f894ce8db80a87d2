import fs from 'node:fs';
import { parse, type DocumentNode } from 'graphql';

/** Reads a subgraph's schema.graphql: the same file composition reads, so the two cannot drift. */
export function loadTypeDefs(file: string): { source: string; document: DocumentNode } {
  const source = fs.readFileSync(file, 'utf8');
  return { source, document: parse(source) };
}
