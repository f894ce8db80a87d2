import { startDirectory, type DirectoryUnderTest } from '../../test/support';

let directory: DirectoryUnderTest;
beforeAll(async () => {
  directory = await startDirectory();
});
afterAll(() => directory.stop());

type Areas = {
  adminAreas: {
    totalCount: number;
    edges: { cursor: string; node: { pcode: string; name: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string };
  };
};

describe('admin areas from the OCHA P-codes', () => {
  it('has the ten regions of Mali at level 1', async () => {
    const { data } = await directory.request<Areas>(
      `{ adminAreas(country: "ML", level: 1, first: 100) { totalCount edges { node { pcode name } } } }`,
    );
    expect(data!.adminAreas.totalCount).toBe(10);
    expect(data!.adminAreas.edges.map((e) => e.node.pcode)).toContain('ML03');
    expect(data!.adminAreas.edges.find((e) => e.node.pcode === 'ML03')!.node.name).toBe('Sikasso');
  });

  it('counts level 2 for every country as published', async () => {
    const counts: Record<string, [number, number]> = { ML: [10, 53], BF: [13, 45], NE: [8, 67], SN: [14, 46], GM: [8, 49], GW: [9, 39] };
    for (const [country, [regions, subdivisions]] of Object.entries(counts)) {
      const { data } = await directory.request<{ one: { totalCount: number }; two: { totalCount: number } }>(
        `query ($c: CountryCode!) { one: adminAreas(country: $c, level: 1) { totalCount } two: adminAreas(country: $c, level: 2) { totalCount } }`,
        { c: country },
      );
      expect([country, data!.one.totalCount, data!.two.totalCount]).toEqual([country, regions, subdivisions]);
    }
  });

  it('walks parent, children and country', async () => {
    const { data } = await directory.request<{
      adminArea: {
        name: string;
        level: number;
        validFrom: string;
        parent: { pcode: string; name: string };
        country: { code: string; alpha3: string; nameFr: string };
      };
    }>(`{ adminArea(pcode: "ml0301") { name level validFrom parent { pcode name } country { code alpha3 nameFr } } }`);
    expect(data!.adminArea).toEqual({
      name: 'Bougouni',
      level: 2,
      validFrom: '2021-12-20',
      parent: { pcode: 'ML03', name: 'Sikasso' },
      country: { code: 'ML', alpha3: 'MLI', nameFr: 'Mali' },
    });
    const children = await directory.request<{ adminArea: { children: { pcode: string }[] } }>(
      `{ adminArea(pcode: "ML03") { children { pcode } } }`,
    );
    expect(children.data!.adminArea.children.map((c) => c.pcode)).toEqual([
      'ML0301',
      'ML0302',
      'ML0303',
      'ML0304',
      'ML0305',
      'ML0306',
      'ML0307',
    ]);
  });

  it('finds names ignoring case and accents', async () => {
    for (const term of ['segou', 'SÉGOU', 'Ségou']) {
      const { data } = await directory.request<Areas>(`query ($s: String) { adminAreas(search: $s) { edges { node { pcode } } } }`, {
        s: term,
      });
      expect(data!.adminAreas.edges.map((e) => e.node.pcode)).toEqual(['ML04', 'ML0406']);
    }
    // French typesetting (and phones) often put an en dash where the gazetteer has a hyphen.
    const { data } = await directory.request<Areas>(
      `query ($s: String) { adminAreas(search: $s, country: "BF") { edges { node { pcode } } } }`,
      { s: 'CENTRE–NORD' },
    );
    expect(data!.adminAreas.edges.map((e) => e.node.pcode)).toEqual(['BF49']);
  });

  it('lists by parent and pages with cursors without repeats or gaps', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const result: { data?: Areas | null } = await directory.request<Areas>(
        `query ($after: String) { adminAreas(parent: "NE006", first: 5, after: $after) { totalCount edges { node { pcode } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      const connection: Areas['adminAreas'] = result.data!.adminAreas;
      expect(connection.totalCount).toBe(13);
      seen.push(...connection.edges.map((e) => e.node.pcode));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(13);
    expect(new Set(seen).size).toBe(13);
    expect(seen[0]).toBe('NE006001');
  });

  it('refuses a page size over 100 and a forged cursor, naming the argument', async () => {
    const big = await directory.request(`{ adminAreas(first: 500) { totalCount } }`);
    expect(big.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const forged = await directory.request(`{ adminAreas(after: "bm90LWEtY3Vyc29y") { totalCount } }`);
    expect(forged.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(forged.errors![0]!.message).toMatch(/not a cursor/);
  });

  it('refuses a malformed P-code with the scalar explanation', async () => {
    const { errors } = await directory.request(`query ($p: PCode!) { adminArea(pcode: $p) { name } }`, { p: 'Sikasso' });
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toMatch(/not a valid PCode/);
  });
});
