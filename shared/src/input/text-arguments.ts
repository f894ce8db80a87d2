import {
  defaultFieldResolver,
  isInputObjectType,
  isIntrospectionType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { controlCharacterIn, controlCharacterMessage } from './control-characters';
import { Problems } from './problems';

/**
 * Refuses control characters and lone surrogates in every string a caller sends: every argument and
 * every input field, at every depth, of every field of the schema (and strings inside JSON-like
 * scalars such as `_entities`' representations). One step for every subgraph, before any resolver
 * runs, so no service has to remember it and PostgreSQL never sees a NUL. Each offending value is
 * named by its path (`input.name`, `input.titles.2`) and all of them are reported at once.
 */
export function refuseControlCharacters(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      const args = field.args;
      field.resolve = (source, values: Record<string, unknown>, context, info) => {
        const problems = new Problems();
        for (const arg of args) textProblems(values[arg.name], arg.type, arg.name, problems);
        problems.throwIfAny();
        return resolve(source, values, context, info);
      };
    }
  }
  return schema;
}

/** Records, under its path, every string inside `value` (typed as `type`) that text may not hold. */
export function textProblems(value: unknown, type: GraphQLInputType, path: string, problems: Problems): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return textProblems(value, type.ofType, path, problems);
  if (isListType(type)) {
    if (Array.isArray(value)) value.forEach((item, i) => textProblems(item, type.ofType, `${path}.${i}`, problems));
    else textProblems(value, type.ofType, path, problems);
    return;
  }
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
      const inner = fields[name];
      if (inner) textProblems(item, inner.type, `${path}.${name}`, problems);
    }
    return;
  }
  anyText(value, path, problems, 0);
}

/** Strings of a scalar's value; JSON-like values are walked (to a sane depth: a value is not a tree of 100 levels). */
function anyText(value: unknown, path: string, problems: Problems, depth: number): void {
  if (typeof value === 'string') {
    const found = controlCharacterIn(value);
    if (found) problems.add(path, controlCharacterMessage(path, found));
    return;
  }
  if (depth > 20 || value === null || typeof value !== 'object' || value instanceof Date || value instanceof URL) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => anyText(item, `${path}.${i}`, problems, depth + 1));
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    const keyProblem = controlCharacterIn(key);
    if (keyProblem) problems.add(path, controlCharacterMessage(`A key of ${path}`, keyProblem));
    anyText(item, `${path}.${key}`, problems, depth + 1);
  }
}
