import { defaultFieldResolver, isNonNullType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { forbidden, purposeRequired, unauthenticated } from '../errors/errors';
import { organisationOf, type Viewer } from '../auth/viewer';
import type { AuditRecorder } from '../audit/recorder';
import { classOf, type DataClass } from './classes';

export interface PolicyContext {
  viewer: Viewer;
  audit: AuditRecorder;
}

export interface RecordIdentity {
  /** The organisation that owns the record (its `owner_org`). */
  owner: string | null;
  /** The record's id, for the audit log. */
  id: string;
}

export interface FieldPolicyOptions {
  /** The subgraph's domain: `conflicts` makes `conflicts:sensitive` the scope for its SENSITIVE fields. */
  domain: string;
  /**
   * How to find owner and id of a record of each type with SENSITIVE fields; by default the row's
   * `ownerOrg` and `id`.
   */
  identify?: Record<string, (record: Record<string, unknown>) => RecordIdentity>;
  /**
   * Refuse a SENSITIVE read that states no purpose (X-Purpose) with PURPOSE_REQUIRED: purpose
   * specification is a core rule of the IASC guidance on data responsibility. REQUIRE_PURPOSE.
   */
  requirePurpose?: boolean;
}

const defaultIdentity = (record: Record<string, unknown>): RecordIdentity => ({
  owner: (record.ownerOrg as string | null | undefined) ?? null,
  id: String(record.id ?? ''),
});

/**
 * Wraps every PARTNER and SENSITIVE field of the schema so that the class declared in SDL is what
 * decides. A refused field resolves to null with an error at its path; the rest of the response still
 * arrives. Every SENSITIVE value served is written to the audit log first: if that write fails, the
 * value is not served. Throws at start-up if any field has no class, or a SENSITIVE field is non-null
 * (refusing it would null its parent too).
 */
export function applyFieldPolicies(schema: GraphQLSchema, options: FieldPolicyOptions): GraphQLSchema {
  const unclassed: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    // `__Schema` and friends are introspection; `_Service` is federation's own.
    if (!isObjectType(type) || type.name.startsWith('_')) continue;
    for (const field of Object.values(type.getFields())) {
      const dataClass = classOf(type, field);
      if (!dataClass) {
        unclassed.push(`${type.name}.${field.name}`);
        continue;
      }
      if (dataClass === 'PUBLIC') continue;
      if (dataClass === 'SENSITIVE' && isNonNullType(field.type)) {
        throw new Error(`${type.name}.${field.name} is SENSITIVE and must be nullable, so that refusing it leaves its parent intact`);
      }
      field.resolve = guard(type.name, field.name, dataClass, field.resolve ?? defaultFieldResolver, options);
    }
  }
  if (unclassed.length > 0) {
    throw new Error(`Every field needs a data class (@public, @partner or @sensitive on it or its type): ${unclassed.join(', ')}`);
  }
  return schema;
}

function guard(
  typeName: string,
  fieldName: string,
  dataClass: Exclude<DataClass, 'PUBLIC'>,
  resolve: GraphQLFieldResolver<unknown, unknown>,
  options: FieldPolicyOptions,
): GraphQLFieldResolver<unknown, PolicyContext> {
  if (dataClass === 'PARTNER') {
    // Synchronous on purpose: most fields of a list are PARTNER scalars, and a promise per field costs
    // more than the check (a page of 158 weekly flows holds some 2,000 of them).
    return (source, args, context, info) => {
      if (context.viewer.kind === 'anonymous') throw unauthenticated(`${typeName}.${fieldName} is shown to signed-in partners only`);
      return resolve(source, args, context, info);
    };
  }
  const identify = options.identify?.[typeName] ?? defaultIdentity;
  const sensitiveScope = `${options.domain}:sensitive`;
  return async (source, args, context, info) => {
    const { viewer } = context;
    if (viewer.kind === 'anonymous') {
      throw unauthenticated(`${typeName}.${fieldName} is shown to signed-in partners only`);
    }
    const record = identify(source as Record<string, unknown>);
    const ownsRecord = record.owner !== null && record.owner === organisationOf(viewer);
    if (!ownsRecord || !hasSensitiveScope(viewer, sensitiveScope)) {
      throw forbidden(`${typeName}.${fieldName} is sensitive: only the owning organisation with ${sensitiveScope} may read it`);
    }
    if (options.requirePurpose && !context.audit.purpose?.trim()) throw purposeRequired(`${typeName}.${fieldName}`);
    await context.audit.recordRead({ recordType: typeName, recordId: record.id, field: fieldName, ownerOrg: record.owner });
    return resolve(source, args, context, info);
  };
}

/** `admin` does not open sensitive data: administrators run the platform, they do not read partners' cases. */
function hasSensitiveScope(viewer: Viewer, scope: string): boolean {
  return viewer.kind === 'partner' && viewer.scopes.has(scope);
}
