import { isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import { dataClassOfDescription } from '@peacegraph/kit/composition';

/**
 * Tells whether a subgraph operation may select a field of data class SENSITIVE, from the names of
 * such fields in the API schema (the class paragraph composition writes into each description).
 *
 * A subgraph writes one audit row per sensitive value it serves, under the request id it was called
 * with, whether or not the caller stated a purpose (REQUIRE_PURPOSE is off by default): a read merged
 * into another would get sensitive data with no row of its own. The test is by name, as a whole word
 * anywhere in the operation's text — cheap, and it can only err towards "sensitive": a field of
 * another class with the same name, or an argument so named, only costs a merge. An alias never hides
 * the name (`a: complainant`), and the planner's operations name every field they select.
 */
export class SensitiveFields {
  private pattern: RegExp | null = null;

  /** Called with every supergraph the gateway loads, before operations are planned on it. */
  learn(api: GraphQLSchema): void {
    const names = new Set<string>();
    for (const type of Object.values(api.getTypeMap())) {
      if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
      for (const field of Object.values(type.getFields())) {
        if (dataClassOfDescription(field.description) === 'SENSITIVE') names.add(field.name);
      }
    }
    // GraphQL names are [_A-Za-z][_0-9A-Za-z]*: \b bounds them exactly, and they need no escaping.
    this.pattern = names.size === 0 ? null : new RegExp(`\\b(?:${[...names].join('|')})\\b`);
  }

  /** Whether this operation text names a SENSITIVE field of the last supergraph learned. */
  selectedBy(operation: string): boolean {
    return this.pattern !== null && this.pattern.test(operation);
  }
}
