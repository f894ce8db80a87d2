import { createHash } from 'node:crypto';
import { GraphQLError, Kind, parse, validate, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { Problems } from '@peacegraph/kit/input';

/** What one upload of persisted documents may hold. */
export const DOCUMENT_LIMITS = {
  /** Documents in one upload: a client's build produces tens to hundreds. */
  documents: 1000,
  /** Characters of one document. */
  bodyChars: 100_000,
} as const;

/** A document id: sha256 (hex) of its text, optionally written `sha256:<hex>` as GraphQL-over-HTTP does. */
const DOCUMENT_ID = /^(?:sha256:)?([0-9a-f]{64})$/;

/** The hex of a document id, or undefined when it is not one. */
export function documentIdOf(raw: string): string | undefined {
  return DOCUMENT_ID.exec(raw.trim().toLowerCase())?.[1];
}

export interface CheckedDocument {
  id: string;
  body: string;
  /** The name of its first operation, for people reading the list. */
  operationName: string | null;
}

/**
 * Checks a whole manifest at once, every problem named by its place (`documents.3.id`,
 * `documents.3.body`): each id is the sha256 of its body, and each body parses and validates against
 * `schema` (the live API schema), so a gateway never holds a document it could not run. Throws one
 * BAD_USER_INPUT listing them all; nothing is stored unless all pass.
 */
export function checkManifest(documents: readonly { id: string; body: string }[], schema: GraphQLSchema | undefined): CheckedDocument[] {
  const problems = new Problems();
  if (documents.length === 0) problems.add('documents', 'Give at least one document');
  if (documents.length > DOCUMENT_LIMITS.documents)
    problems.add('documents', `At most ${DOCUMENT_LIMITS.documents} documents at once; this upload has ${documents.length}: split it`);
  if (!schema) problems.add('documents', 'No schema is live yet: documents are checked against the live API schema');
  problems.throwIfAny();
  const checked = new Map<string, CheckedDocument>();
  documents.forEach(({ id: rawId, body }, index) => {
    const at = `documents.${index}`;
    const id = documentIdOf(rawId);
    if (!id) problems.add(`${at}.id`, `"${rawId.slice(0, 80)}" is not a document id: the sha256 of the document, 64 hex digits`);
    if (body.length === 0 || body.length > DOCUMENT_LIMITS.bodyChars) {
      problems.add(`${at}.body`, `A document is 1 to ${DOCUMENT_LIMITS.bodyChars} characters; this one has ${body.length}`);
      return;
    }
    const hash = createHash('sha256').update(body).digest('hex');
    if (id && id !== hash) problems.add(`${at}.id`, `The id is not the sha256 of the document (that is ${hash})`);
    let operationName: string | null = null;
    try {
      const document = parse(body);
      const errors = validate(schema!, document);
      for (const error of errors.slice(0, 5)) problems.add(`${at}.body`, `Does not validate against the live schema: ${error.message}`);
      const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      if (!operation) problems.add(`${at}.body`, 'The document has no operation to run');
      operationName = operation?.name?.value ?? null;
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      problems.add(`${at}.body`, `Does not parse: ${error.message}`);
    }
    if (id && id === hash) checked.set(id, { id, body, operationName });
  });
  problems.throwIfAny();
  return [...checked.values()];
}
