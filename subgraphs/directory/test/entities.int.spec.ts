import { ORGS, startDirectory, type DirectoryUnderTest } from './support';

let directory: DirectoryUnderTest;
beforeAll(async () => {
  directory = await startDirectory();
});
afterAll(() => directory.stop());

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Community { id name adminArea { pcode } }
    ... on AdminArea { pcode name level }
    ... on Organisation { id name kind }
    ... on Language { code name }
    ... on Country { countryCode: code nameEn }
  }
}`;

describe('federation contract (_entities)', () => {
  it('resolves a reference of every entity type the directory owns, in order, null for unknown keys', async () => {
    const created = await directory.writer<{ createCommunity: { id: string } }>(
      `mutation { createCommunity(input: { name: "Nampala", adminArea: "ML0305" }) { id } }`,
    );
    const communityId = created.data!.createCommunity.id;
    const { data, errors } = await directory.request<{ _entities: unknown[] }>(ENTITIES, {
      representations: [
        { __typename: 'Community', id: communityId },
        { __typename: 'AdminArea', pcode: 'ML03' },
        { __typename: 'Organisation', id: ORGS.mediators },
        { __typename: 'Language', code: 'bam' },
        { __typename: 'Country', code: 'NE' },
        { __typename: 'Community', id: '00000000-0000-4000-8000-000000000999' },
        { __typename: 'AdminArea', pcode: 'ML99' },
      ],
    });
    expect(errors).toBeUndefined();
    expect(data!._entities).toEqual([
      { __typename: 'Community', id: communityId, name: 'Nampala', adminArea: { pcode: 'ML0305' } },
      { __typename: 'AdminArea', pcode: 'ML03', name: 'Sikasso', level: 1 },
      { __typename: 'Organisation', id: ORGS.mediators, name: 'Sahel Mediators', kind: 'CSO_NETWORK' },
      { __typename: 'Language', code: 'bam', name: 'Bambara' },
      { __typename: 'Country', countryCode: 'NE', nameEn: 'Niger' },
      null,
      null,
    ]);
  });

  it('batches 50 references of one type into one statement', async () => {
    const representations = Array.from({ length: 50 }, (_, i) => ({ __typename: 'AdminArea', pcode: `ML0${(i % 9) + 1}` }));
    directory.db.statements.reset();
    const { data } = await directory.request<{ _entities: { pcode: string }[] }>(ENTITIES, { representations });
    expect(data!._entities).toHaveLength(50);
    expect(directory.db.statements.count).toBe(1);
  });

  it('publishes its schema through _service for composition', async () => {
    const { data } = await directory.request<{ _service: { sdl: string } }>(`{ _service { sdl } }`);
    expect(data!._service.sdl).toMatch(/type Community\s+@key\(fields: "id"\)/);
    expect(data!._service.sdl).toMatch(/type AdminArea\s+@key\(fields: "pcode"\)/);
  });
});
