import path from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { ASSUMED_LIST_SIZE, estimateCost } from '../src/graphql/cost';
import { loadTypeDefs } from '../src/graphql/type-defs';

/** Priced against the directory's real schema, as its server and the gateway price them. */
const schema = buildSubgraphSchema({ typeDefs: loadTypeDefs(path.join(__dirname, '../../subgraphs/directory/schema.graphql')).document });

function cost(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  return estimateCost(schema, operation, fragments, variables);
}

describe('the cost of an operation (estimated answer size)', () => {
  it('prices the 84-byte nested list query that answered 607 KB far above the limit', () => {
    const query = '{ countries { adminAreas { country { adminAreas { __typename } } } } }';
    // 50 countries × (1 + 50 areas × (1 + country (1 + 50 areas × 1)))
    expect(cost(query)).toBe(1 + 50 * (1 + 50 * (1 + 1 + 50)));
    expect(cost(query)).toBeGreaterThan(25_000);
  });

  it('takes a page from first, literal or variable, and passes it from a connection to its edges', () => {
    const page = (n: number) => `{ communities(first: ${n}) { totalCount edges { cursor node { id name } } } }`;
    for (const n of [0, 1, 7, 20, 100]) expect(cost(page(n))).toBe(1 + 1 + (1 + n * (1 + 3))); // communities, totalCount, edges × (cursor, node { id name })
    const withVariable = 'query ($n: Int) { communities(first: $n) { edges { node { id } } } }';
    for (const n of [3, 50, 100]) expect(cost(withVariable, { n })).toBe(1 + 1 + n * 2);
    // A hostile or missing page size is priced at the largest page.
    for (const n of [1000, -1, 'x', null, undefined]) expect(cost(withVariable, { n })).toBe(1 + 1 + 100 * 2);
  });

  it('prices a connection without first at the default page of 20', () => {
    expect(cost('{ organisations { edges { node { id } } } }')).toBe(1 + 1 + 20 * 2);
  });

  it('multiplies nested pages, so a page of pages costs what it could return', () => {
    const q = '{ adminAreas(first: 100) { edges { node { communities: children { name } } } } }';
    expect(cost(q)).toBe(1 + 1 + 100 * (1 + (1 + ASSUMED_LIST_SIZE * 1)));
  });

  it('counts aliases and fragments as executed', () => {
    const one = cost('{ adminAreas(first: 100) { edges { node { name } } } }');
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: adminAreas(first: 100) { edges { node { name } } }`).join(' ');
    expect(cost(`{ ${aliases} }`)).toBe(30 * one);
    const viaFragment = cost('{ ...A ...A } fragment A on Query { adminAreas(first: 100) { edges { node { name } } } }');
    expect(viaFragment).toBe(2 * one);
  });

  it('sizes _entities by its representations, as the gateway sends them', () => {
    const q = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Community { id name } } }';
    for (const n of [1, 10, 500]) expect(cost(q, { r: Array.from({ length: n }, () => ({ __typename: 'Community', id: 'x' })) })).toBe(1 + n * 2);
  });

  it('leaves introspection and __typename cheap', () => {
    expect(cost('{ __schema { types { name fields { name args { name } } } } }')).toBe(1);
    expect(cost('{ __typename }')).toBe(1);
  });
});
