import { startDirectory, type DirectoryUnderTest } from '../../test/support';

let directory: DirectoryUnderTest;
beforeAll(async () => {
  directory = await startDirectory();
});
afterAll(() => directory.stop());

describe('countries', () => {
  it('lists the six countries with their languages', async () => {
    const { data } = await directory.request<{
      countries: { code: string; officialLanguages: { code: string }[]; languages: { code: string }[] }[];
    }>(`{ countries { code officialLanguages { code } languages { code } } }`);
    expect(data!.countries.map((c) => c.code).sort()).toEqual(['BF', 'GM', 'GW', 'ML', 'NE', 'SN']);
    const mali = data!.countries.find((c) => c.code === 'ML')!;
    expect(mali.officialLanguages).toEqual([{ code: 'fra' }]);
    expect(mali.languages.map((l) => l.code)).toEqual(expect.arrayContaining(['bam', 'taq', 'ffm']));
    expect(data!.countries.find((c) => c.code === 'GW')!.officialLanguages).toEqual([{ code: 'por' }]);
  });
});
