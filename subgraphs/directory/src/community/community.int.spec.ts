import { ORGS, startDirectory, type DirectoryUnderTest } from '../../test/support';

let directory: DirectoryUnderTest;
beforeAll(async () => {
  directory = await startDirectory();
});
afterAll(() => directory.stop());

const CREATE = `mutation ($input: CreateCommunityInput!) {
  createCommunity(input: $input) { id name alternativeNames version latitude longitude adminArea { pcode } country { code } languages { code } }
}`;
const UPDATE = `mutation ($id: ID!, $version: Int!, $input: UpdateCommunityInput!) {
  updateCommunity(id: $id, version: $version, input: $input) { id name version adminArea { pcode } latitude longitude }
}`;

type Created = {
  createCommunity: {
    id: string;
    name: string;
    version: number;
    alternativeNames: string[];
    adminArea: { pcode: string };
    country: { code: string };
    languages: { code: string }[];
  };
};

const kalana = { name: 'Kalana', adminArea: 'ML0306', latitude: 10.79, longitude: -8.2, languages: ['bam'] };

describe('creating a community', () => {
  it('stores a valid community with its admin area, country and languages', async () => {
    const { data, errors } = await directory.writer<Created>(CREATE, {
      input: { ...kalana, alternativeNames: ['  Kalana  ', 'Kalanna'] },
    });
    expect(errors).toBeUndefined();
    expect(data!.createCommunity).toMatchObject({
      name: 'Kalana',
      alternativeNames: ['Kalanna'],
      version: 1,
      adminArea: { pcode: 'ML0306' },
      country: { code: 'ML' },
      languages: [{ code: 'bam' }],
    });
  });

  const refusals: [string, Record<string, unknown>, string, RegExp][] = [
    ['an unknown P-code', { adminArea: 'ML0399' }, 'input.adminArea', /No admin area has the P-code ML0399/],
    ['coordinates outside the country', { latitude: 14.7, longitude: -17.4 }, 'input.longitude', /outside Mali/],
    ['latitude and longitude swapped', { latitude: -8.2, longitude: 10.79 }, 'input.latitude', /outside Mali/],
    ['a latitude without longitude', { latitude: 11.0, longitude: null }, 'input.longitude', /both latitude and longitude/],
    ['an empty name', { name: '   ' }, 'input.name', /cannot be empty/],
    ['an empty alternative name', { alternativeNames: ['Nampala II', ' '] }, 'input.alternativeNames.1', /cannot be empty/],
    ['an unknown language', { languages: ['bam', 'xxq'] }, 'input.languages', /Unknown ISO 639-3 language code: xxq/],
  ];

  it.each(refusals)('refuses %s, names the field, and writes nothing', async (_label, change, field, message) => {
    const before = await directory.rows('community');
    const { data, errors } = await directory.writer(CREATE, {
      input: { ...kalana, name: 'Nampala', adminArea: 'ML0305', latitude: 10.98, longitude: -5.98, ...change },
    });
    expect(data).toEqual({ createCommunity: null });
    expect(errors).toHaveLength(1);
    expect(errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(errors![0]!.message).toMatch(message);
    expect(await directory.rows('community')).toBe(before);
  });

  it('refuses a duplicate name in the same admin area, ignoring case and accents', async () => {
    await directory.writer(CREATE, { input: { name: 'Ségou', adminArea: 'ML0406' } });
    const before = await directory.rows('community');
    const { errors } = await directory.writer(CREATE, { input: { name: 'SEGOU', adminArea: 'ML0406' } });
    expect(errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(errors![0]!.message).toMatch(/already exists in admin area ML0406/);
    expect(await directory.rows('community')).toBe(before);
    // The same name in another admin area is another place.
    const elsewhere = await directory.writer<Created>(CREATE, { input: { name: 'Ségou', adminArea: 'ML0405' } });
    expect(elsewhere.errors).toBeUndefined();
  });

  it('refuses a malformed P-code or language code at the schema edge', async () => {
    const before = await directory.rows('community');
    const pcode = await directory.writer(CREATE, { input: { ...kalana, name: 'X', adminArea: 'Sikasso' } });
    expect(pcode.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(pcode.errors![0]!.message).toMatch(/input\.adminArea.*not a valid PCode/s);
    const language = await directory.writer(CREATE, { input: { ...kalana, name: 'X', languages: ['Bambara'] } });
    expect(language.errors![0]!.message).toMatch(/not a valid LanguageCode/);
    expect(await directory.rows('community')).toBe(before);
  });

  it('answers a retried create with the first result (clientMutationId)', async () => {
    const input = { name: 'Finkolo', adminArea: 'ML0305', clientMutationId: 'retry-1' };
    const first = await directory.writer<Created>(CREATE, { input });
    const second = await directory.writer<Created>(CREATE, { input });
    expect(second.data!.createCommunity.id).toBe(first.data!.createCommunity.id);
    const [row] = (await directory.db.dataSource.query(`SELECT count(*)::int AS n FROM community WHERE name = 'Finkolo'`)) as {
      n: number;
    }[];
    expect(row!.n).toBe(1);
  });

  it("never answers one organisation's retry with another organisation's community", async () => {
    const input = { name: 'Sanankoroba', adminArea: 'ML0201', clientMutationId: 'sync-1' };
    const educators = await directory.writer<Created>(CREATE, { input });
    const mediators = await directory.as(ORGS.mediators, 'directory:write');
    const theirs = await mediators<Created>(CREATE, { input: { ...input, name: 'Siby' } });
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data!.createCommunity.id).not.toBe(educators.data!.createCommunity.id);
    expect(theirs.data!.createCommunity.name).toBe('Siby');
  });
});

describe('updating a community', () => {
  it('changes the given fields and increases the version', async () => {
    const created = await directory.writer<Created>(CREATE, { input: { name: 'Bougouni', adminArea: 'ML0301' } });
    const { id } = created.data!.createCommunity;
    const { data, errors } = await directory.writer<{
      updateCommunity: { name: string; version: number; latitude: number; adminArea: { pcode: string } };
    }>(UPDATE, { id, version: 1, input: { latitude: 11.42, longitude: -7.48 } });
    expect(errors).toBeUndefined();
    expect(data!.updateCommunity).toMatchObject({ name: 'Bougouni', version: 2, latitude: 11.42, adminArea: { pcode: 'ML0301' } });
  });

  it('refuses an out-of-date version with CONFLICT and changes nothing', async () => {
    const created = await directory.writer<Created>(CREATE, { input: { name: 'Douentza', adminArea: 'ML0504' } });
    const { id } = created.data!.createCommunity;
    await directory.writer(UPDATE, { id, version: 1, input: { name: 'Douentza town' } });
    const stale = await directory.writer(UPDATE, { id, version: 1, input: { name: 'Hombori' } });
    expect(stale.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const [row] = (await directory.db.dataSource.query(`SELECT name, version FROM community WHERE id = $1`, [id])) as {
      name: string;
      version: number;
    }[];
    expect(row).toEqual({ name: 'Douentza town', version: 2 });
  });

  it('refuses coordinates outside the new country and names the field', async () => {
    const created = await directory.writer<Created>(CREATE, {
      input: { name: 'Djibo', adminArea: 'BF5603', latitude: 14.1, longitude: -1.63 },
    });
    const { id } = created.data!.createCommunity;
    // Moving to an admin area in Senegal while keeping Burkina Faso coordinates is refused.
    const moved = await directory.writer(UPDATE, { id, version: 1, input: { adminArea: 'SN0601' } });
    expect(moved.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.adminArea' });
    expect(moved.errors![0]!.message).toMatch(/outside Senegal; give new coordinates/);
    const [row] = (await directory.db.dataSource.query(`SELECT admin_pcode, version FROM community WHERE id = $1`, [id])) as {
      admin_pcode: string;
      version: number;
    }[];
    expect(row).toEqual({ admin_pcode: 'BF5603', version: 1 });
  });

  it('answers NOT_FOUND for an unknown community', async () => {
    const { errors } = await directory.writer(UPDATE, { id: '7d4f1f34-0b8e-4a53-9d7e-2d1d8e1b9c11', version: 1, input: { name: 'x' } });
    expect(errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });

  it('answers NOT_FOUND rather than an SQL error for an id that is not a UUID', async () => {
    const { errors } = await directory.writer(UPDATE, { id: 'kalana', version: 1, input: { name: 'x' } });
    expect(errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(JSON.stringify(errors)).not.toMatch(/uuid|syntax|SELECT/i);
  });
});

describe('finding communities', () => {
  it('searches names and alternative names ignoring accents, and filters by area, country and language', async () => {
    await directory.writer(CREATE, {
      input: { name: 'Kédougou', alternativeNames: ['Kedougou town'], adminArea: 'SN0601', languages: ['fuc', 'mnk'] },
    });
    const search = await directory.request<{ communities: { edges: { node: { name: string } }[] } }>(
      `{ communities(search: "KEDOUGOU") { edges { node { name } } } }`,
    );
    expect(search.data!.communities.edges.map((e) => e.node.name)).toEqual(['Kédougou']);

    const inSikasso = await directory.request<{
      communities: { totalCount: number; edges: { node: { name: string; adminArea: { pcode: string } } }[] };
    }>(`{ communities(adminArea: "ML03") { totalCount edges { node { name adminArea { pcode } } } } }`);
    expect(inSikasso.data!.communities.edges.every((e) => e.node.adminArea.pcode.startsWith('ML03'))).toBe(true);
    expect(inSikasso.data!.communities.edges.map((e) => e.node.name)).toEqual(['Bougouni', 'Finkolo', 'Kalana']);

    const mandinka = await directory.request<{ communities: { edges: { node: { name: string } }[] } }>(
      `{ communities(language: "mnk", country: "SN") { edges { node { name } } } }`,
    );
    expect(mandinka.data!.communities.edges.map((e) => e.node.name)).toEqual(['Kédougou']);
  });
});

describe('the audit rows of community writes', () => {
  type AuditRow = { actor_org: string; operation: string; record_type: string; record_ids: string[]; fields: string[]; owner_org: string };
  const auditOf = (id: string) =>
    directory.db.dataSource.query(
      `SELECT actor_org, operation, record_type, record_ids, fields, owner_org FROM audit_log
        WHERE action = 'WRITE' AND $1 = ANY(record_ids) ORDER BY at, id`,
      [id],
    ) as Promise<AuditRow[]>;
  const writes = async () =>
    ((await directory.db.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'WRITE'`)) as { n: number }[])[0]!.n;

  it('names the record, the fields given (never the key) and the owner, once per write', async () => {
    const input = { name: 'Koutiala', adminArea: 'ML0102', languages: ['bam'], clientMutationId: 'audit-1' };
    const created = await directory.writer<Created>(CREATE, { input });
    const { id } = created.data!.createCommunity;
    await directory.writer<Created>(CREATE, { input }); // the retry writes nothing
    await directory.writer(UPDATE, { id, version: 1, input: { focalPoint: 'The chief', latitude: 12.39, longitude: -5.46 } });
    // The platform's admins may correct any community: the row names its owner, not theirs.
    const admin = await directory.as(ORGS.platform, 'admin directory:write');
    const corrected = await admin(UPDATE, { id, version: 2, input: { name: 'Koutiala town' } });
    expect(corrected.errors).toBeUndefined();
    expect(await auditOf(id)).toEqual([
      {
        actor_org: ORGS.educators,
        operation: 'createCommunity',
        record_type: 'Community',
        record_ids: [id],
        fields: ['name', 'adminArea', 'languages'],
        owner_org: ORGS.educators,
      },
      {
        actor_org: ORGS.educators,
        operation: 'updateCommunity',
        record_type: 'Community',
        record_ids: [id],
        fields: ['latitude', 'longitude', 'focalPoint'],
        owner_org: ORGS.educators,
      },
      {
        actor_org: ORGS.platform,
        operation: 'updateCommunity',
        record_type: 'Community',
        record_ids: [id],
        fields: ['name'],
        owner_org: ORGS.educators,
      },
    ]);
  });

  it('writes no audit row for a refused write', async () => {
    const created = await directory.writer<Created>(CREATE, { input: { name: 'Nioro', adminArea: 'ML0103' } });
    const { id } = created.data!.createCommunity;
    const before = await writes();
    const duplicate = await directory.writer(CREATE, { input: { name: 'NIORO', adminArea: 'ML0103' } });
    expect(duplicate.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.name' });
    const stale = await directory.writer(UPDATE, { id, version: 7, input: { name: 'Nioro du Sahel' } });
    expect(stale.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 1 });
    expect(stale.errors![0]!.message).toBe(`Community ${id} has changed since you read it (version 1, you sent 7)`);
    const mediators = await directory.as(ORGS.mediators, 'directory:write');
    const theirs = await mediators(UPDATE, { id, version: 1, input: { name: 'Nioro du Sahel' } });
    expect(theirs.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(await writes()).toBe(before);
  });
});
