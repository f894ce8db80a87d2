import { Kind, type ConstDirectiveNode, type DocumentNode } from 'graphql';
import { subgraphSdl } from '../checks/subgraph-sdl';

export type DataClass = 'PUBLIC' | 'PARTNER' | 'SENSITIVE';

export interface FieldOrigin {
  /** The subgraphs that resolve the field, sorted. */
  subgraphs: string[];
  /** The strictest class any of them gives it (on the field, else on its type); null when none does. */
  dataClass: DataClass | null;
}

const CLASSES: Record<string, DataClass> = { public: 'PUBLIC', partner: 'PARTNER', sensitive: 'SENSITIVE' };
const STRICTNESS: DataClass[] = ['PUBLIC', 'PARTNER', 'SENSITIVE'];
const FEDERATION_FIELDS = new Set(['_entities', '_service']);

/**
 * Which subgraphs resolve each `Type.field` of a composition, and its data class, from its members'
 * SDL (as served: the kit's common SDL included). A field a subgraph only declares `@external` is not
 * resolved there.
 */
export function fieldOrigins(members: readonly { subgraph: string; sdl: string }[]): Map<string, FieldOrigin> {
  const origins = new Map<string, FieldOrigin>();
  for (const member of [...members].sort((a, b) => a.subgraph.localeCompare(b.subgraph))) {
    const parsed = subgraphSdl(member.subgraph, member.sdl);
    if (parsed instanceof Error) continue; // a stored version always parsed; nothing to say of one that does not
    for (const [coordinate, dataClass] of fieldsOf(parsed.whole)) {
      const origin = origins.get(coordinate) ?? { subgraphs: [], dataClass: null };
      if (!origin.subgraphs.includes(member.subgraph)) origin.subgraphs.push(member.subgraph);
      origin.dataClass = stricter(origin.dataClass, dataClass);
      origins.set(coordinate, origin);
    }
  }
  return origins;
}

function fieldsOf(document: DocumentNode): Map<string, DataClass | null> {
  const typeClass = new Map<string, DataClass | null>();
  const definitions = document.definitions.filter(
    (d) =>
      d.kind === Kind.OBJECT_TYPE_DEFINITION ||
      d.kind === Kind.OBJECT_TYPE_EXTENSION ||
      d.kind === Kind.INTERFACE_TYPE_DEFINITION ||
      d.kind === Kind.INTERFACE_TYPE_EXTENSION,
  );
  for (const definition of definitions) {
    const type = definition.name.value;
    typeClass.set(type, stricter(typeClass.get(type) ?? null, classOf(definition.directives)));
  }
  const fields = new Map<string, DataClass | null>();
  for (const definition of definitions) {
    const type = definition.name.value;
    for (const field of definition.fields ?? []) {
      if (FEDERATION_FIELDS.has(field.name.value)) continue;
      if ((field.directives ?? []).some((d) => d.name.value === 'external')) continue;
      fields.set(`${type}.${field.name.value}`, classOf(field.directives) ?? typeClass.get(type) ?? null);
    }
  }
  return fields;
}

function classOf(directives: readonly ConstDirectiveNode[] | undefined): DataClass | null {
  let found: DataClass | null = null;
  for (const directive of directives ?? []) found = stricter(found, CLASSES[directive.name.value] ?? null);
  return found;
}

function stricter(a: DataClass | null, b: DataClass | null): DataClass | null {
  if (!a || !b) return a ?? b;
  return STRICTNESS.indexOf(a) >= STRICTNESS.indexOf(b) ? a : b;
}

/**
 * What is worked out once per composition (its fields' origins, its API schema's fields): a
 * composition never changes. Bounded, so a registry that launches for months does not keep them all.
 */
export class PerComposition<T> {
  private readonly cached = new Map<string, Promise<T>>();

  constructor(private readonly limit = 20) {}

  of(compositionId: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.cached.get(compositionId);
    if (hit) return hit;
    const value = compute();
    // A failed read (the database away) is not kept: the next request tries again.
    value.catch(() => this.cached.delete(compositionId));
    this.cached.set(compositionId, value);
    while (this.cached.size > this.limit) this.cached.delete(this.cached.keys().next().value!);
    return value;
  }
}
