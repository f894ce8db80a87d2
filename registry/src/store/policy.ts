import type { Actor } from '../access';
import type { Queryable } from './queryable';

export type PolicyRuleName = 'DATA_CLASS' | 'NULLABLE_ROOT_FIELDS' | 'NAMING' | 'DESCRIPTIONS';
export type PolicyLevel = 'ERROR' | 'WARNING' | 'OFF';

/**
 * The platform's defaults. Descriptions warn until the integrators' work makes every field described;
 * the other three protect partners (data classes, outage isolation) and clients (one naming style).
 */
export const DEFAULT_POLICY: Record<PolicyRuleName, PolicyLevel> = {
  DATA_CLASS: 'ERROR',
  NULLABLE_ROOT_FIELDS: 'ERROR',
  NAMING: 'ERROR',
  DESCRIPTIONS: 'WARNING',
};

export const POLICY_DESCRIPTIONS: Record<PolicyRuleName, string> = {
  DATA_CLASS: 'Every field has a data class (@public, @partner or @sensitive, on the field or its type).',
  NULLABLE_ROOT_FIELDS: "Query and Mutation fields are nullable, so one partner's outage cannot null another's data.",
  NAMING: 'Types PascalCase, fields and arguments camelCase, enum values UPPER_SNAKE_CASE.',
  DESCRIPTIONS: 'Every type, field, argument, input field, enum value and scalar carries a description.',
};

export async function policyLevels(db: Queryable): Promise<Record<PolicyRuleName, PolicyLevel>> {
  const rows: { rule: PolicyRuleName; level: PolicyLevel }[] = await db.query(`SELECT rule, level FROM policy_rule`);
  return { ...DEFAULT_POLICY, ...Object.fromEntries(rows.map((r) => [r.rule, r.level])) };
}

export async function setPolicyLevel(db: Queryable, rule: PolicyRuleName, level: PolicyLevel, actor: Actor): Promise<void> {
  await db.query(
    `INSERT INTO policy_rule (rule, level, updated_by) VALUES ($1, $2, $3)
     ON CONFLICT (rule) DO UPDATE SET level = excluded.level, updated_by = excluded.updated_by, updated_at = now()`,
    [rule, level, actor.subject],
  );
}
