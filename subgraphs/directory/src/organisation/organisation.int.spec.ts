import { ORGS, startDirectory, type DirectoryUnderTest } from '../../test/support';

let directory: DirectoryUnderTest;
let admin: DirectoryUnderTest['request'];
beforeAll(async () => {
  directory = await startDirectory();
  admin = await directory.as(ORGS.platform, 'admin');
});
afterAll(() => directory.stop());

const CREATE = `mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id name acronym kind version countries { code } domains } }`;
const UPDATE = `mutation ($id: ID!, $version: Int!, $input: UpdateOrganisationInput!) { updateOrganisation(id: $id, version: $version, input: $input) { id name version } }`;

describe('registering organisations', () => {
  it('registers an organisation with its countries and domains', async () => {
    const { data, errors } = await admin<{ createOrganisation: Record<string, unknown> }>(CREATE, {
      input: { name: '  Tillabéri Women for Peace ', acronym: 'TWP', kind: 'CSO_NETWORK', countries: ['NE', 'NE'], domains: ['FORUMS'] },
    });
    expect(errors).toBeUndefined();
    expect(data!.createOrganisation).toMatchObject({
      name: 'Tillabéri Women for Peace',
      acronym: 'TWP',
      kind: 'CSO_NETWORK',
      version: 1,
      countries: [{ code: 'NE' }],
      domains: ['FORUMS'],
    });
  });

  const refusals: [string, Record<string, unknown>, string, RegExp][] = [
    ['an empty name', { name: ' ' }, 'input.name', /cannot be empty/],
    ['a country outside the platform', { countries: ['FR'] }, 'input.countries', /Not a country of the platform: FR/],
    ['a name already registered (case and accents ignored)', { name: 'SAHEL MEDIATORS' }, 'input.name', /already registered/],
  ];
  it.each(refusals)('refuses %s, names the field, and writes nothing', async (_label, change, field, message) => {
    const before = await directory.rows('organisation');
    const { errors } = await admin(CREATE, { input: { name: 'Gao Youth Platform', kind: 'NGO', countries: ['ML'], ...change } });
    expect(errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(errors![0]!.message).toMatch(message);
    expect(await directory.rows('organisation')).toBe(before);
  });

  it('updates with the current version and refuses a stale one with CONFLICT', async () => {
    const first = await admin<{ updateOrganisation: { version: number } }>(UPDATE, {
      id: ORGS.mediators,
      version: 1,
      input: { acronym: 'SMN' },
    });
    expect(first.data!.updateOrganisation.version).toBe(2);
    const stale = await admin(UPDATE, { id: ORGS.mediators, version: 1, input: { name: 'Renamed' } });
    expect(stale.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const [row] = (await directory.db.dataSource.query(`SELECT name FROM organisation WHERE id = $1`, [ORGS.mediators])) as {
      name: string;
    }[];
    expect(row!.name).toBe('Sahel Mediators');
  });
});
