import { createDirectoryClient } from '@peacegraph/kit/input';
import { ORGS, startDirectory, type DirectoryUnderTest } from './support';

let directory: DirectoryUnderTest;
beforeAll(async () => {
  directory = await startDirectory();
});
afterAll(() => directory.stop());

describe("the kit's directory client, as domain subgraphs use it", () => {
  it('tells where a community is, and null for unknown ones, in one batched request', async () => {
    const created = await directory.writer<{ createCommunity: { id: string } }>(
      `mutation { createCommunity(input: { name: "Oussouye", adminArea: "SN1402" }) { id } }`,
    );
    const id = created.data!.createCommunity.id;
    const client = createDirectoryClient(directory.url);
    const [found, missing, notUuid] = await Promise.all([
      client.community.load(id),
      client.community.load('00000000-0000-4000-8000-00000000dead'),
      client.community.load('oussouye'),
    ]);
    expect(found).toEqual({ communityId: id, adminPcode: 'SN1402', admin1Pcode: 'SN14', admin2Pcode: 'SN1402', countryCode: 'SN' });
    expect(missing).toBeNull();
    expect(notUuid).toBeNull();
  });

  it('checks languages and admin areas', async () => {
    const client = createDirectoryClient(directory.url);
    expect(await client.language.loadMany(['dyo', 'zzz'])).toEqual([{ code: 'dyo', name: 'Jola-Fonyi' }, null]);
    expect(await client.adminArea.load('GM02')).toEqual({ pcode: 'GM02', level: 1, countryCode: 'GM' });
    expect(await client.organisation.loadMany([ORGS.mediators, '00000000-0000-4000-8000-00000000dead', 'not-an-id'])).toEqual([
      { id: ORGS.mediators, name: 'Sahel Mediators' },
      null,
      null,
    ]);
  });
});
