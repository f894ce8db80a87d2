import { DEMO_COMMUNITIES } from '../../directory/src/seed/demo-data';
import { directoryReady, seedDemoData } from '../src/seed/demo';
import { COMMUNITIES, COMMUNITY_POSITIONS, DEMO_TRAININGS, EMMMDA_PROVISIONS, MALI_CODE_PROVISIONS, WACSMF } from '../src/seed/demo-data';
import { ok } from './fixtures';
import { OTHER_PARTNER, startMining, type MiningUnderTest } from './support';

let mining: MiningUnderTest;
beforeAll(async () => {
  mining = await startMining();
});
afterAll(() => mining.stop());

describe('demo data', () => {
  it('names the directory’s demo communities where they are', () => {
    for (const [name, position] of Object.entries(COMMUNITY_POSITIONS)) expect(DEMO_COMMUNITIES[position - 1]!.name).toBe(name);
  });

  it('loads once, through the services: the EMMMDA, sites, consultations, about 300 people trained, a dialogue, a campaign and a booklet', async () => {
    expect(await directoryReady(mining.directory.url)).toBe('ready');
    const started = Date.now();
    expect(await seedDemoData(mining.db.dataSource, mining.directory.url)).toBe(true);
    process.stdout.write(`mining demo data loaded in ${Date.now() - started} ms\n`);
    expect(await mining.allRows()).toMatchObject({
      legal_instrument: 2,
      provision: EMMMDA_PROVISIONS.length + MALI_CODE_PROVISIONS.length,
      mining_site: 3,
      community_consultation: 2,
      mining_training: DEMO_TRAININGS.length,
      policy_dialogue: 1,
      policy_commitment: 4,
      commitment_status_change: 4 + 5,
      media_intervention: 4,
      publication: 2,
    });
    const [people] = (await mining.db.dataSource.query(`SELECT sum(participants_total)::int AS n FROM mining_training`)) as { n: number }[];
    expect(people!.n).toBe(300);
    const [writes] = (await mining.db.dataSource.query(
      `SELECT count(*)::int AS n, count(DISTINCT actor)::int AS actors FROM audit_log WHERE action = 'WRITE'`,
    )) as { n: number; actors: number }[];
    expect(writes).toEqual({ n: 2 + 27 + 3 + 2 + 6 + 1 + 4 + 5 + 4 + 2, actors: 1 });
    expect(await seedDemoData(mining.db.dataSource, mining.directory.url)).toBe(false);
    expect(await mining.rows('mining_training')).toBe(DEMO_TRAININGS.length);
  });

  it('walks Kalana → its sites → their trainings → the provisions covered, as the forum sees it', async () => {
    const forum = await mining.as(WACSMF, 'mining:read');
    const { _entities } = await ok<{
      _entities: {
        miningSites: {
          name: string;
          trainings: { title: string; participants: { total: { count: number } }; provisions: { article: string }[] }[];
        }[];
      }[];
    }>(
      forum,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Community { miningSites { name trainings { title participants { total { count } } provisions { article } } } } } }`,
      { r: [{ __typename: 'Community', id: COMMUNITIES.Kalana }] },
    );
    expect(_entities[0]!.miningSites).toEqual([
      {
        name: 'Kalana gold-panning area',
        trainings: [
          {
            title: 'Safer artisanal gold mining without mercury',
            participants: { total: { count: 45 } },
            provisions: ['25', '27', '30', '52', '55'].map((article) => ({ article })),
          },
        ],
      },
      {
        name: 'Kalana small-scale gold mine',
        trainings: [
          {
            title: 'The ECOWAS mining act for community and religious leaders',
            participants: { total: { count: 60 } },
            provisions: ['35', '36', '37', '40', '41', '78'].map((article) => ({ article })),
          },
        ],
      },
    ]);
  });

  it('has a national dialogue of 68 people with four commitments at different stages, and figures for the two communities', async () => {
    const forum = await mining.as(WACSMF, 'mining:read');
    const data = await ok<{
      policyDialogues: {
        edges: { node: { participants: { total: { count: number } }; commitments: { status: string; history: { to: string }[] }[] } }[];
      };
      miningPeopleTrained: {
        exact: boolean;
        groups: { community: { id: string }; people: { total: { count: number }; women: { count: number } } }[];
      };
      miningKnowledgeGain: { overall: { assessed: { count: number }; meanGainPoints: number } };
    }>(
      forum,
      `{ policyDialogues { edges { node { participants { total { count } } commitments { status history { to } } } } }
         miningPeopleTrained(groupBy: COMMUNITY) { exact groups { community { id } people { total { count } women { count } } } }
         miningKnowledgeGain { overall { assessed { count } meanGainPoints } } }`,
    );
    const dialogue = data.policyDialogues.edges[0]!.node;
    expect(dialogue.participants.total.count).toBe(68);
    expect(dialogue.commitments.map((c) => [c.status, c.history.map((h) => h.to)])).toEqual([
      ['FULFILLED', ['MADE', 'IN_PROGRESS', 'FULFILLED']],
      ['STALLED', ['MADE', 'IN_PROGRESS', 'STALLED']],
      ['IN_PROGRESS', ['MADE', 'IN_PROGRESS']],
      ['MADE', ['MADE']],
    ]);
    expect(data.miningPeopleTrained.exact).toBe(true);
    expect(data.miningPeopleTrained.groups.map((g) => [g.community.id, g.people.total.count])).toEqual([
      [COMMUNITIES.Kalana, 153],
      [COMMUNITIES.Nampala, 147],
    ]);
    expect(data.miningKnowledgeGain.overall.assessed.count).toBe(234);
    expect(data.miningKnowledgeGain.overall.meanGainPoints).toBeGreaterThan(25);
    // Another partner sees the same totals; the 3 government experts assessed in Nampala are withheld from them.
    const other = await ok<{ miningKnowledgeGain: { groups: { key: string; figures: { withheld: boolean } }[] } }>(
      await mining.as(OTHER_PARTNER, 'mining:read'),
      `{ miningKnowledgeGain(filter: { community: "${COMMUNITIES.Nampala}", kind: TECHNICAL }) { groups { key figures { withheld } } } }`,
    );
    expect(other.miningKnowledgeGain.groups.find((g) => g.key === 'GOVERNMENT_EXPERTS')!.figures.withheld).toBe(true);
  });
});
