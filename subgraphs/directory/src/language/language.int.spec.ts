import { startDirectory, type DirectoryUnderTest } from '../../test/support';

let directory: DirectoryUnderTest;
beforeAll(async () => {
  directory = await startDirectory();
});
afterAll(() => directory.stop());

describe('languages', () => {
  it('finds a language by ISO 639-3 code and by name', async () => {
    const { data } = await directory.request<{
      language: { name: string; glottocode: string; countries: { code: string }[] };
      languages: { edges: { node: { code: string } }[] };
    }>(`{ language(code: "taq") { name glottocode countries { code } } languages(search: "pulaar") { edges { node { code } } } }`);
    expect(data!.language.name).toBe('Tamasheq');
    expect(data!.language.countries.map((c) => c.code).sort()).toEqual(['BF', 'ML']);
    expect(data!.languages.edges.map((e) => e.node.code)).toContain('fuc');
  });
});
