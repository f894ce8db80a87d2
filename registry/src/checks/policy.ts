import { Kind, getLocation, type ASTNode, type DocumentNode } from 'graphql';
import { descriptionProblems, namingProblems, nonNullRootFields, type CompositionProblem } from '@peacegraph/kit/composition';
import type { PolicyLevel, PolicyRuleName } from '../store/policy';
import type { Finding } from './findings';

const CLASSES = new Set(['public', 'partner', 'sensitive']);
const FEDERATION_FIELDS = new Set(['_entities', '_service']);

/**
 * The platform's schema policy over a subgraph's own SDL (`own`), with the types of the whole schema
 * (`whole`, the common SDL included) to find a type's class. Each rule reports at its level; OFF rules
 * are not run.
 */
export function policyFindings(
  subgraph: string,
  own: DocumentNode,
  whole: DocumentNode,
  levels: Record<PolicyRuleName, PolicyLevel>,
): Finding[] {
  const findings: Finding[] = [];
  const report = (rule: PolicyRuleName, message: string, node: ASTNode | undefined, coordinate: string | null) => {
    const level = levels[rule];
    if (level === 'OFF') return;
    const at = node?.loc ? getLocation(node.loc.source, node.loc.start) : undefined;
    findings.push({
      kind: 'POLICY',
      severity: level,
      code: rule,
      message,
      subgraph,
      line: at?.line ?? null,
      column: at?.column ?? null,
      coordinate,
    });
  };
  const fromComposition = (rule: PolicyRuleName, problems: CompositionProblem[]) => {
    for (const problem of problems) {
      const at = problem.locations[0];
      const level = levels[rule];
      if (level === 'OFF') continue;
      findings.push({
        kind: 'POLICY',
        severity: level,
        code: rule,
        message: problem.message,
        subgraph,
        line: at?.line ?? null,
        column: at?.column ?? null,
        coordinate: null,
      });
    }
  };
  if (levels.NULLABLE_ROOT_FIELDS !== 'OFF') fromComposition('NULLABLE_ROOT_FIELDS', nonNullRootFields(subgraph, own));
  if (levels.NAMING !== 'OFF') fromComposition('NAMING', namingProblems(subgraph, own));
  if (levels.DESCRIPTIONS !== 'OFF') fromComposition('DESCRIPTIONS', descriptionProblems(subgraph, own));

  const typeClassed = new Set<string>();
  for (const definition of whole.definitions) {
    if (
      (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) &&
      hasClass(definition.directives)
    ) {
      typeClassed.add(definition.name.value);
    }
  }
  for (const definition of own.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const type = definition.name.value;
    for (const field of definition.fields ?? []) {
      const coordinate = `${type}.${field.name.value}`;
      if (FEDERATION_FIELDS.has(field.name.value)) continue;
      if (!typeClassed.has(type) && !hasClass(field.directives)) {
        report(
          'DATA_CLASS',
          `Field "${coordinate}" has no data class: mark it (or its type) @public, @partner or @sensitive`,
          field.name,
          coordinate,
        );
      }
    }
  }
  return findings;
}

function hasClass(directives: readonly { name: { value: string } }[] | undefined): boolean {
  return (directives ?? []).some((d) => CLASSES.has(d.name.value));
}
