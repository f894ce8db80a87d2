import path from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { ASSUMED_LIST_SIZE, estimateCost, listSizesFromSdl } from '../src/graphql/cost';
import { loadTypeDefs } from '../src/graphql/type-defs';

/** Priced against the directory's real schema, as its server and the gateway price them. */
const typeDefs = loadTypeDefs(path.join(__dirname, '../../subgraphs/directory/schema.graphql')).document;
const schema = buildSubgraphSchema({ typeDefs });
const listSizes = listSizesFromSdl(typeDefs);

function cost(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  return estimateCost(schema, operation, fragments, variables, listSizes);
}

describe('the cost of an operation (estimated answer size)', () => {
  it('prices the 84-byte nested list query that answered 607 KB far above the limit, from the lists’ @listSize', () => {
    const query = '{ countries { adminAreas { country { adminAreas { __typename } } } } }';
    expect(listSizes.get('Query.countries')).toEqual({ assumedSize: 6 });
    expect(listSizes.get('Country.adminAreas')).toEqual({ assumedSize: 400 });
    // 6 countries × (1 + 400 areas × (1 + country (1 + 400 areas × 1)))
    expect(cost(query)).toBe(1 + 6 * (1 + 400 * (1 + 1 + 400)));
    expect(cost(query)).toBeGreaterThan(500_000);
    // Without the hints every list would be taken for ten items, and the query would pass.
    expect(estimateCost(schema, parse(query).definitions[0] as OperationDefinitionNode, {}, {})).toBe(1 + 10 * (1 + 10 * (1 + 1 + 10)));
  });

  it('prices a field asked for several times, by overlapping fragments or repetition, once', () => {
    const once = cost('{ communities(first: 50) { edges { node { id name } } } }');
    expect(cost('{ communities(first: 50) { edges { node { id name id name ...N ...N } } } } fragment N on Community { name id }')).toBe(
      once,
    );
    expect(cost('{ communities(first: 50) { edges { node { id } } } communities(first: 50) { edges { node { name } } } }')).toBe(once);
    // An alias is a second answer, priced again.
    expect(
      cost('{ a: communities(first: 50) { edges { node { id name } } } b: communities(first: 50) { edges { node { id name } } } }'),
    ).toBe(2 * once);
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
    expect(ASSUMED_LIST_SIZE).toBe(10);
    expect(cost(q)).toBe(1 + 1 + 100 * (1 + (1 + ASSUMED_LIST_SIZE * 1)));
  });

  it('counts aliases and fragments as executed', () => {
    const one = cost('{ adminAreas(first: 100) { edges { node { name } } } }');
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: adminAreas(first: 100) { edges { node { name } } }`).join(' ');
    expect(cost(`{ ${aliases} }`)).toBe(30 * one);
    const viaFragments = cost(
      '{ ...A ...B } fragment A on Query { x: adminAreas(first: 100) { edges { node { name } } } } fragment B on Query { y: adminAreas(first: 100) { edges { node { name } } } }',
    );
    expect(viaFragments).toBe(2 * one);
  });

  it('sizes _entities by its representations, as the gateway sends them', () => {
    const q = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Community { id name } } }';
    for (const n of [1, 10, 500])
      expect(cost(q, { r: Array.from({ length: n }, () => ({ __typename: 'Community', id: 'x' })) })).toBe(1 + n * 2);
  });

  it('leaves introspection and __typename cheap', () => {
    expect(cost('{ __schema { types { name fields { name args { name } } } } }')).toBe(1);
    expect(cost('{ __typename }')).toBe(1);
  });
});
