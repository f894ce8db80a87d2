import { DEMO_COMMUNITIES } from '../../directory/src/seed/demo-data';
import { DEMO_FORUMS, DEMO_OWNER_ORGANISATION_ID, DOUENTZA_POSITION } from '../src/seed/demo-data';
import { directoryReady, seedDemoData } from '../src/seed/demo';
import { RECOMMENDATION_THEMES } from '../src/common/values';
import { OTHER_PARTNER, startStack, type StackUnderTest } from './support';
import { ok } from './fixtures';

let stack: StackUnderTest;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

describe('demo data', () => {
  it('names Douentza by its position in the directory’s demo communities', () => {
    expect(DEMO_COMMUNITIES[DOUENTZA_POSITION - 1]!.name).toBe('Douentza');
  });

  it('loads the two forums once, through the services', async () => {
    const { dataSource, statements } = stack.forums.db;
    statements.reset();
    const started = Date.now();
    expect(await seedDemoData(dataSource, stack.directory.url)).toBe(true);
    const counts = await stack.forums.allRows();
    process.stdout.write(`forums demo seed: ${JSON.stringify(counts)} in ${Date.now() - started} ms, ${statements.count} statements\n`);
    expect(counts).toMatchObject({
      forum: 2,
      working_group: 7,
      testimony: DEMO_FORUMS.reduce((n, f) => n + f.testimonies.length, 0),
      declaration: 2,
      recommendation: 14,
      declaration_text: 3,
      recommendation_text: 28,
      recommendation_follow_up: DEMO_FORUMS.flatMap((f) => f.declaration.recommendations).reduce((n, r) => n + r.followUps.length, 0),
    });
    expect(await seedDemoData(dataSource, stack.directory.url)).toBe(false);
    expect(await stack.forums.allRows()).toEqual(counts);
    expect(await dataSource.query(`SELECT DISTINCT owner_org FROM forum UNION SELECT DISTINCT owner_org FROM recommendation`)).toEqual([
      { owner_org: DEMO_OWNER_ORGANISATION_ID },
    ]);
  });

  it('publishes the Bamako declaration with a recommendation on every theme, and keeps the Douentza one a draft', async () => {
    const reader = await stack.forums.as(OTHER_PARTNER, 'forums:read');
    const { forums } = await ok(
      reader<{
        forums: {
          edges: {
            node: {
              title: string;
              countriesRepresented: string[];
              participants: { total: { count: number } };
              declarations: { recommendations: { theme: string; status: string }[] }[];
              recommendationStats: { recommendations: number; implemented: number };
            };
          }[];
        };
      }>(
        `{ forums { edges { node { title countriesRepresented participants { total { count } } declarations { recommendations { theme status } } recommendationStats { recommendations implemented } } } } }`,
      ),
    );
    const [douentza, bamako] = forums.edges.map((e) => e.node);
    expect(bamako).toMatchObject({
      countriesRepresented: ['ML', 'BF', 'NE'],
      participants: { total: { count: 325 } },
      recommendationStats: { recommendations: 12, implemented: 3 },
    });
    expect(new Set(bamako!.declarations[0]!.recommendations.map((r) => r.theme))).toEqual(new Set(RECOMMENDATION_THEMES));
    expect(new Set(bamako!.declarations[0]!.recommendations.map((r) => r.status))).toEqual(
      new Set(['PENDING', 'IN_PROGRESS', 'IMPLEMENTED', 'REJECTED']),
    );
    expect(douentza).toMatchObject({ declarations: [], recommendationStats: { recommendations: 0 } });
  });

  it('waits for a directory that holds the demo communities before loading', async () => {
    expect(await directoryReady(stack.directory.url)).toBe('ready');
    expect(await directoryReady('http://127.0.0.1:9/graphql')).toBe('unreachable');
  });
});
