import { buildSchema } from 'graphql';
import { diffApiSchemas } from '.';

const before = `
type Query {
  community(id: ID!): Community
  communities(first: Int, country: String): [Community]
}
type Community {
  id: ID!
  name: String!
  population: Int
  kind: CommunityKind
}
enum CommunityKind { VILLAGE TOWN }
`;

const changesFrom = (after: string) => diffApiSchemas(buildSchema(before), buildSchema(after));

describe('diffApiSchemas', () => {
  it('finds nothing between equal schemas', async () => {
    await expect(changesFrom(before)).resolves.toEqual([]);
  });

  it('calls a removed field BREAKING, at the field it touches', async () => {
    await expect(changesFrom(before.replace('  population: Int\n', ''))).resolves.toEqual([
      {
        criticality: 'BREAKING',
        type: 'FIELD_REMOVED',
        message: "Field 'population' was removed from object type 'Community'",
        path: 'Community.population',
        coordinate: 'Community.population',
      },
    ]);
  });

  it('calls an added optional field SAFE, and lists its arguments with it, not apart', async () => {
    await expect(
      changesFrom(before.replace('  population: Int\n', '  population: Int\n  neighbours(first: Int): [Community]\n')),
    ).resolves.toEqual([
      {
        criticality: 'SAFE',
        type: 'FIELD_ADDED',
        message: "Field 'neighbours' was added to object type 'Community'",
        path: 'Community.neighbours',
        coordinate: 'Community.neighbours',
      },
    ]);
  });

  it('calls an added enum value DANGEROUS: no query fails, a client may not know the value', async () => {
    await expect(changesFrom(before.replace('VILLAGE TOWN', 'VILLAGE TOWN CAMP'))).resolves.toEqual([
      {
        criticality: 'DANGEROUS',
        type: 'ENUM_VALUE_ADDED',
        message: "Enum value 'CAMP' was added to enum 'CommunityKind'",
        path: 'CommunityKind.CAMP',
        coordinate: 'CommunityKind.CAMP',
      },
    ]);
  });

  it('calls an argument made required BREAKING, at the field whose argument it is', async () => {
    await expect(changesFrom(before.replace('country: String', 'country: String!'))).resolves.toEqual([
      {
        criticality: 'BREAKING',
        type: 'FIELD_ARGUMENT_TYPE_CHANGED',
        message: "Type for argument 'country' on field 'Query.communities' changed from 'String' to 'String!'",
        path: 'Query.communities.country',
        coordinate: 'Query.communities',
      },
    ]);
  });

  it('gives a deprecation the field as coordinate, and a change to the root operations none', async () => {
    const changes = await changesFrom(
      `${before.replace('  population: Int\n', '  population: Int @deprecated(reason: "counted by displacement")\n')}
type Mutation { renameCommunity(id: ID!, name: String!): Community }`,
    );
    expect(changes.map((c) => [c.criticality, c.type, c.coordinate])).toEqual(
      expect.arrayContaining([
        ['SAFE', 'FIELD_DEPRECATION_ADDED', 'Community.population'],
        ['SAFE', 'TYPE_ADDED', 'Mutation'],
      ]),
    );
    expect(changes.every((c) => c.coordinate === null || !c.coordinate.includes('@'))).toBe(true);
  });
});
