import { createHash } from 'node:crypto';
import { Kind, parse, print, type ASTNode, type DefinitionNode, type DocumentNode } from 'graphql';

/** Federation's machinery, which a subgraph library adds when it serves a schema: not the partner's schema. */
const MACHINERY_TYPES = /^(_Service|_Any|_Entity|_FieldSet|FieldSet|link__.*|federation__.*|join__.*)$/;
const MACHINERY_FIELDS = new Set(['_service', '_entities']);

/**
 * A digest of what a schema says, not how it is written: definitions, fields, arguments, enum values
 * and directives in name order, extensions merged into their type, descriptions by their text (block
 * or plain string alike), comments and federation's machinery left out. Descriptions count: they are
 * the schema's documentation, and a change to them is a change to publish. The SDL a partner publishes and the `_service { sdl }` its server prints have the same
 * fingerprint exactly when the server serves that schema.
 */
export function schemaFingerprint(document: DocumentNode): string {
  const byName = new Map<string, DefinitionNode[]>();
  for (const definition of document.definitions) {
    if (!('name' in definition) || !definition.name) continue;
    if (definition.kind === Kind.DIRECTIVE_DEFINITION) continue;
    const name = definition.name.value;
    if (MACHINERY_TYPES.test(name)) continue;
    byName.set(name, [...(byName.get(name) ?? []), definition]);
  }
  const printed = [...byName.keys()].sort().map((name) => merged(byName.get(name)!));
  return createHash('sha256').update(printed.join('\n')).digest('hex');
}

export function fingerprintOfSdl(sdl: string): string {
  return schemaFingerprint(parse(sdl, { noLocation: true }));
}

/** One line per definition: its kind (extensions read as definitions) and sorted members. */
function merged(definitions: DefinitionNode[]): string {
  const kind = definitions[0]!.kind.replace('Extension', 'Definition');
  const directives = definitions.flatMap((d) => ('directives' in d ? (d.directives ?? []) : [])).filter((d) => d.name.value !== 'link');
  const members = definitions.flatMap((d) => {
    if ('fields' in d && d.fields) return (d.fields as readonly ASTNode[]).filter((f) => !MACHINERY_FIELDS.has(nameOf(f)));
    if ('values' in d && d.values) return d.values as readonly ASTNode[];
    if ('types' in d && d.types) return d.types as readonly ASTNode[];
    return [];
  });
  const interfaces = definitions.flatMap((d) => ('interfaces' in d ? (d.interfaces ?? []) : []));
  const sorted = (nodes: readonly ASTNode[]) => [...new Set(nodes.map(canonical))].sort();
  const descriptions = definitions.map((d) => ('description' in d && d.description ? JSON.stringify(d.description.value) : '')).join('');
  return [
    kind,
    nameOf(definitions[0]!),
    descriptions,
    sorted(interfaces).join('&'),
    sorted(directives).join(' '),
    sorted(members).join('|'),
  ].join(' ');
}

/** A member printed with its arguments sorted and without its description's layout or comments. */
function canonical(node: ASTNode): string {
  if (node.kind === Kind.FIELD_DEFINITION) {
    const args = [...(node.arguments ?? [])].map((a) => canonical(a)).sort();
    const directives = [...(node.directives ?? [])].map((d) => print(d)).sort();
    return `${describedBy(node)}${node.name.value}(${args.join(',')}):${print(node.type)} ${directives.join(' ')}`;
  }
  if (node.kind === Kind.INPUT_VALUE_DEFINITION) {
    const directives = [...(node.directives ?? [])].map((d) => print(d)).sort();
    return `${describedBy(node)}${node.name.value}:${print(node.type)}${node.defaultValue ? `=${print(node.defaultValue)}` : ''} ${directives.join(' ')}`;
  }
  return `${describedBy(node)}${print({ ...node, description: undefined } as ASTNode)}`;
}

function describedBy(node: ASTNode): string {
  return 'description' in node && node.description ? `${JSON.stringify(node.description.value)} ` : '';
}

function nameOf(node: ASTNode): string {
  return 'name' in node && node.name && typeof node.name === 'object' && 'value' in node.name ? String(node.name.value) : '';
}
