import { seedDemoData } from '../src/seed/demo';
import { DEMO_COMMUNITIES, DEMO_ORGANISATIONS } from '../src/seed/demo-data';
import { startDirectory, type DirectoryUnderTest } from './support';

let directory: DirectoryUnderTest;
beforeAll(async () => {
  directory = await startDirectory();
});
afterAll(() => directory.stop());

describe('demo data', () => {
  it('loads every demo organisation and community once, through the validation rules', async () => {
    expect(await seedDemoData(directory.db.dataSource)).toBe(true);
    // The test database starts with the platform (reference data) and two partners.
    expect(await directory.rows('organisation')).toBe(DEMO_ORGANISATIONS.length + 3);
    expect(await directory.rows('community')).toBe(DEMO_COMMUNITIES.length);
    expect(await seedDemoData(directory.db.dataSource)).toBe(false);
    expect(await directory.rows('community')).toBe(DEMO_COMMUNITIES.length);
  });

  it('places Kalana and Nampala in Sikasso region, Mali', async () => {
    const { data } = await directory.request<{
      communities: { edges: { node: { name: string; adminArea: { parent: { name: string } }; country: { code: string } } }[] };
    }>(`{ communities(search: "a", adminArea: "ML03") { edges { node { name adminArea { parent { name } } country { code } } } } }`);
    const names = data!.communities.edges.map((e) => e.node.name);
    expect(names).toEqual(expect.arrayContaining(['Kalana', 'Nampala']));
    expect(data!.communities.edges.every((e) => e.node.adminArea.parent.name === 'Sikasso' && e.node.country.code === 'ML')).toBe(true);
  });
});
