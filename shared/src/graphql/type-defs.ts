import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, Source, type DocumentNode } from 'graphql';

/** The SDL every subgraph shares (scalars, data-class directives, audit log, page info). */
export const COMMON_SCHEMA_FILE = path.join(__dirname, 'common.graphql');

/** A file parsed with its path as the source name, so that errors point at a line a person can open. */
function parseFile(file: string): { text: string; document: DocumentNode } {
  const text = fs.readFileSync(file, 'utf8');
  return { text, document: parse(new Source(text, path.relative(process.cwd(), file))) };
}

/**
 * A subgraph's whole schema: the kit's common SDL followed by the subgraph's own schema.graphql. The
 * server, composition, code generation and the tests all read it here, so none of them can see a
 * schema the others do not. Throws the parser's GraphQLError, located in the file at fault.
 */
export function loadTypeDefs(file: string): { source: string; document: DocumentNode } {
  return withCommonTypeDefs(parseFile(file));
}

/** SDL written in code (test subgraphs) with the common SDL before it, as loadTypeDefs does for files. */
export function withCommonTypeDefs(own: { text: string; document: DocumentNode }): { source: string; document: DocumentNode } {
  const common = parseFile(COMMON_SCHEMA_FILE);
  return {
    source: joined(common.text, own.text).source,
    document: { kind: Kind.DOCUMENT, definitions: [...common.document.definitions, ...own.document.definitions] },
  };
}

/**
 * The text loadTypeDefs parses, unparsed, for a reader that parses it itself (composition, so that a
 * syntax error is one more problem of the run). The file's line N is line `ownLineOffset + N` of it.
 */
export function typeDefsSource(file: string): { source: string; ownLineOffset: number } {
  return joined(fs.readFileSync(COMMON_SCHEMA_FILE, 'utf8'), fs.readFileSync(file, 'utf8'));
}

function joined(common: string, own: string): { source: string; ownLineOffset: number } {
  return { source: `${common}\n${own}`, ownLineOffset: common.split('\n').length };
}
