import { ReferenceChecks } from '@peacegraph/kit/input';
import { ORGS, startDirectory, type DirectoryUnderTest } from './support';

const UNKNOWN = '00000000-0000-4000-8000-00000000dead';

let directory: DirectoryUnderTest;
let oussouye: string;
let fetched: jest.SpyInstance;
beforeAll(async () => {
  directory = await startDirectory();
  const created = await directory.writer<{ createCommunity: { id: string } }>(
    `mutation { createCommunity(input: { name: "Oussouye", adminArea: "SN1402" }) { id } }`,
  );
  oussouye = created.data!.createCommunity.id;
});
afterAll(() => directory.stop());
// Every check of several keys is one request to the directory: counted at fetch.
beforeEach(() => {
  fetched = jest.spyOn(globalThis, 'fetch');
});
afterEach(() => fetched.mockRestore());

/** The refusal a check threw: its code, field and message. */
async function refusal(check: Promise<unknown>) {
  const error = (await check.then(
    () => undefined,
    (e: unknown) => e,
  )) as { message: string; extensions: { code: string; field?: string } } | undefined;
  if (!error) throw new Error('the check passed');
  return { code: error.extensions.code, field: error.extensions.field, message: error.message };
}

describe("the kit's checks against the directory, as domain subgraphs make them", () => {
  it('places communities in one request, and refuses the first unknown one on its field', async () => {
    const checks = ReferenceChecks.at(directory.url);
    const place = { communityId: oussouye, adminPcode: 'SN1402', admin1Pcode: 'SN14', admin2Pcode: 'SN1402', countryCode: 'SN' };
    expect(await checks.communities('input.communities', [oussouye, oussouye])).toEqual([place, place]);
    expect(await checks.community('input.community', oussouye)).toEqual(place);
    expect(fetched).toHaveBeenCalledTimes(1);
    expect(await refusal(ReferenceChecks.at(directory.url).communities('input.communities', [oussouye, UNKNOWN]))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.communities.1',
      message: `No community with id "${UNKNOWN}" in the directory`,
    });
    const fields = ['input.peaceCommission', 'input.otherCommunities.0'];
    expect(await refusal(ReferenceChecks.at(directory.url).communities((i) => fields[i]!, [UNKNOWN, oussouye]))).toMatchObject({
      field: 'input.peaceCommission',
    });
    expect(fetched).toHaveBeenCalledTimes(3);
  });

  it('refuses a malformed community id without asking the directory', async () => {
    expect(await refusal(ReferenceChecks.at(directory.url).community('input.community', 'oussouye'))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.community',
      message: 'No community with id "oussouye" in the directory',
    });
    expect(fetched).not.toHaveBeenCalled();
  });

  it('checks organisations in one request, naming the list position or the field given', async () => {
    const checks = ReferenceChecks.at(directory.url);
    expect(await checks.organisations('input.trainers', [ORGS.mediators, ORGS.educators])).toEqual([ORGS.mediators, ORGS.educators]);
    expect(fetched).toHaveBeenCalledTimes(1);
    expect(await refusal(checks.organisations('input.trainers', [ORGS.mediators, UNKNOWN]))).toMatchObject({ field: 'input.trainers.1' });
    expect(await refusal(checks.organisations(() => 'input.operator', [UNKNOWN]))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.operator',
      message: `No organisation with id "${UNKNOWN}" in the directory`,
    });
  });

  it('refuses unknown languages together, each named once', async () => {
    const checks = ReferenceChecks.at(directory.url);
    expect(await checks.languages('input.languages', ['dyo', 'bam'])).toEqual(['dyo', 'bam']);
    expect(await checks.language('input.language', 'dyo')).toBe('dyo');
    expect(await refusal(checks.languages('input.translations', ['zzz', 'dyo', 'zzz', 'xxq']))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.translations',
      message: 'Unknown ISO 639-3 language codes: zzz, xxq',
    });
    expect(await refusal(checks.language('input.language', 'zzz'))).toMatchObject({ message: 'Unknown ISO 639-3 language code: zzz' });
  });

  it('finds an area alone in one request, and its region in a second below level 1', async () => {
    expect(await ReferenceChecks.at(directory.url).area('input.addressedArea', 'SN1402', [1, 2])).toEqual({
      adminPcode: 'SN1402',
      adminLevel: 2,
      countryCode: 'SN',
    });
    expect(fetched).toHaveBeenCalledTimes(1);
    const checks = ReferenceChecks.at(directory.url);
    expect(await checks.adminArea('input.adminArea', 'SN1402')).toEqual({
      adminPcode: 'SN1402',
      adminLevel: 2,
      admin1Pcode: 'SN14',
      countryCode: 'SN',
    });
    expect(fetched).toHaveBeenCalledTimes(3);
    expect(await checks.adminArea('input.adminArea', 'SN14')).toEqual({
      adminPcode: 'SN14',
      adminLevel: 1,
      admin1Pcode: 'SN14',
      countryCode: 'SN',
    });
    expect(await refusal(checks.adminArea('input.venue.adminArea', 'SN1402', [1]))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.venue.adminArea',
      message: 'SN1402 is a level-2 area; give a level-1 area',
    });
    expect(await refusal(checks.area('input.adminArea', 'SN99'))).toMatchObject({
      message: 'No admin area with P-code "SN99" in the directory',
    });
  });

  it('checks regions in one request, refusing a lower level in the words the domain gives', async () => {
    const checks = ReferenceChecks.at(directory.url);
    expect(await checks.regions('input.regionsReached', ['SN14', 'GM02'])).toEqual([
      { adminPcode: 'SN14', adminLevel: 1, admin1Pcode: 'SN14', countryCode: 'SN' },
      { adminPcode: 'GM02', adminLevel: 1, admin1Pcode: 'GM02', countryCode: 'GM' },
    ]);
    expect(fetched).toHaveBeenCalledTimes(1);
    expect(await refusal(checks.regions('input.regionsReached', ['SN14', 'SN1402']))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.regionsReached.1',
      message: 'SN1402 is an admin level 2 area: name the region (level 1) it lies in',
    });
    const origin = (pcode: string, level: number) => `${pcode} is a level-${level} area; a region of origin is a level-1 area`;
    expect(await refusal(checks.regions((i) => `input.origins.${i}.region`, ['SN1402'], origin))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.origins.0.region',
      message: 'SN1402 is a level-2 area; a region of origin is a level-1 area',
    });
  });

  it('says the directory cannot be reached, retryable, rather than refusing the keys', async () => {
    const checks = ReferenceChecks.at('http://127.0.0.1:9');
    for (const check of [
      checks.community('input.community', oussouye),
      checks.organisations('input.trainers', [ORGS.mediators]),
      checks.languages('input.languages', ['dyo']),
      checks.adminArea('input.adminArea', 'SN1402'),
      checks.regions('input.regionsReached', ['SN14']),
    ]) {
      expect(await refusal(check)).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    }
  });
});
