import { ORGS, startPlatform, type PlatformUnderTest } from './support';

let platform: PlatformUnderTest;
beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform.stop());

describe('the supergraph through the gateway', () => {
  it('answers the newcomer query: ten level-1 admin areas in Mali', async () => {
    const { status, data } = await platform.request<{ adminAreas: { totalCount: number } }>(
      `{ adminAreas(country: "ML", level: 1) { totalCount } }`,
    );
    expect(status).toBe(200);
    expect(data!.adminAreas.totalCount).toBe(10);
  });

  it('walks community → admin area → parent → country', async () => {
    await platform.directory.writer(
      `mutation { createCommunity(input: { name: "Kalana", adminArea: "ML0306", latitude: 10.79, longitude: -8.2, languages: ["bam"] }) { id } }`,
    );
    const { data, errors } = await platform.request<{
      communities: {
        edges: {
          node: {
            name: string;
            languages: { name: string }[];
            adminArea: { name: string; level: number; parent: { name: string; country: { nameEn: string; alpha3: string } } };
          };
        }[];
      };
    }>(`{
      communities(search: "kalana") {
        edges { node { name languages { name } adminArea { name level parent { name country { nameEn alpha3 } } } } }
      }
    }`);
    expect(errors).toBeUndefined();
    expect(data!.communities.edges).toEqual([
      {
        node: {
          name: 'Kalana',
          languages: [{ name: 'Bambara' }],
          adminArea: { name: 'Yanfolila', level: 2, parent: { name: 'Sikasso', country: { nameEn: 'Mali', alpha3: 'MLI' } } },
        },
      },
    ]);
  });

  it('passes a subgraph BAD_USER_INPUT with its field through to the client, and writes nothing', async () => {
    const before = await platform.directory.rows('community');
    const writer = await platform.as(ORGS.educators, 'directory:write');
    const { errors } = await writer(
      `mutation { createCommunity(input: { name: "Dakar-Plateau", adminArea: "ML0306", latitude: 14.67, longitude: -17.43 }) { id } }`,
    );
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.longitude' });
    expect(errors![0]!.message).toMatch(/outside Mali/);
    expect(await platform.directory.rows('community')).toBe(before);
  });

  it("refuses a malformed P-code as the caller's mistake, not an outage, and still answers the rest", async () => {
    // The supergraph knows PCode by name only; the directory judges the value and refuses the operation.
    const literal = await platform.request<{ adminArea: null; transhumanceCorridors: { totalCount: number } }>(
      `{ adminArea(pcode: "XX") { name } transhumanceCorridors { totalCount } }`,
    );
    expect(literal.status).toBe(200);
    expect(literal.errors).toHaveLength(1);
    expect(literal.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', serviceName: 'directory' });
    expect(literal.errors![0]!.message).toMatch(/"XX" is not a valid PCode: an OCHA P-code/);
    expect(literal.data).toEqual({ adminArea: null, transhumanceCorridors: { totalCount: expect.any(Number) } });

    const variable = await platform.request(`query ($area: PCode!) { adminArea(pcode: $area) { name } }`, { area: 'Ségou' });
    expect(variable.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', serviceName: 'directory' });
    expect(variable.errors![0]!.message).toMatch(/"Ségou" is not a valid PCode/);
  });

  it('never shows a stack trace or SQL, even when the database fails under a request', async () => {
    await platform.directory.db.dataSource.query(`ALTER TABLE language RENAME TO language_moved`);
    try {
      const { errors } = await platform.request(`{ languages(first: 3) { edges { node { code } } } }`);
      expect(errors![0]!.extensions!.code).toBe('INTERNAL_SERVER_ERROR');
      const text = JSON.stringify(errors);
      expect(text).not.toMatch(/language_moved|relation|SELECT|stack|at \w+ \(/i);
    } finally {
      await platform.directory.db.dataSource.query(`ALTER TABLE language_moved RENAME TO language`);
    }
  });

  it('refuses an over-deep query at the gateway before any subgraph work', async () => {
    const deep = `{ adminArea(pcode: "ML0301") { ${'parent { children { '.repeat(7)}name${' } }'.repeat(7)} } }`;
    platform.directory.db.statements.reset();
    const { errors } = await platform.request(deep);
    expect(errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(platform.directory.db.statements.count).toBe(0);
  });
});
