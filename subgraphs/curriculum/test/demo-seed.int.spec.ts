import { seedDemoData as seedDirectory } from '../../directory/src/seed/demo';
import { seedDemoData } from '../src/seed/demo';
import { COMMUNITIES, DEMO_COHORTS, DEMO_FACILITATORS, JOKKO } from '../src/seed/demo-data';
import { ok } from './fixtures';
import { startCurriculum, type CurriculumUnderTest } from './support';

let curriculum: CurriculumUnderTest;
beforeAll(async () => {
  curriculum = await startCurriculum();
  await seedDirectory(curriculum.directory.db.dataSource);
});
afterAll(() => curriculum.stop());

describe('demo data', () => {
  it('loads the module, facilitators, cohorts at every stage and a staff training once, through the services', async () => {
    expect(await seedDemoData(curriculum.db.dataSource, curriculum.directory.url)).toBe(true);
    expect(await curriculum.rows('module')).toBe(1);
    expect(await curriculum.rows('session_plan')).toBe(21);
    expect(await curriculum.rows('facilitator')).toBe(DEMO_FACILITATORS.length);
    expect(await curriculum.rows('cohort')).toBe(DEMO_COHORTS.length);
    // Three completed cohorts, 12 + 15 + 7 + 5 sessions in the others, one make-up.
    expect(await curriculum.rows('session_delivery')).toBe(21 * 3 + 12 + 15 + 7 + 5 + 1);
    expect(await curriculum.rows('community_action_plan')).toBe(1);
    expect(await curriculum.rows('planned_action')).toBe(4);
    expect(await curriculum.rows('social_mobilisation')).toBe(2);
    expect(await curriculum.rows('coaching_session')).toBe(3);
    expect(await curriculum.rows('dialogue_process')).toBe(3);
    const statuses = (await curriculum.db.dataSource.query(
      `SELECT status, count(*)::int AS n FROM cohort GROUP BY status ORDER BY status`,
    )) as unknown[];
    expect(statuses).toEqual([
      { status: 'COMPLETED', n: 3 },
      { status: 'IN_PROGRESS', n: 3 },
      { status: 'PLANNED', n: 2 },
      { status: 'SUSPENDED', n: 1 },
    ]);
    expect(await seedDemoData(curriculum.db.dataSource, curriculum.directory.url)).toBe(false);
    expect(await curriculum.rows('cohort')).toBe(DEMO_COHORTS.length);
  });

  it('places cohorts in the demo communities of four countries, each in a language of its community', async () => {
    const rows = (await curriculum.db.dataSource.query(`SELECT DISTINCT country_code FROM cohort ORDER BY 1`)) as {
      country_code: string;
    }[];
    expect(rows.map((r) => r.country_code)).toEqual(['GM', 'GW', 'ML', 'SN']);
    const jokko = await curriculum.as(JOKKO, 'curriculum:read');
    const data = await ok<{
      _entities: {
        cohorts: { name: string; language: { code: string }; status: string; progress: { delivered: number; total: number } }[];
      }[];
    }>(
      jokko,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Community { cohorts { name status language { code } progress { delivered total } } } } }`,
      { r: [{ __typename: 'Community', id: COMMUNITIES.kedougou }] },
    );
    expect(data._entities[0]!.cohorts).toEqual([
      { name: 'Kédougou — Pulaar class', status: 'COMPLETED', language: { code: 'fuc' }, progress: { delivered: 21, total: 21 } },
    ]);
  });

  it('has the staff training: two weeks, 26 staff from Mali, Niger and Burkina Faso, with coaching and dialogues', async () => {
    const jokko = await curriculum.as(JOKKO, 'curriculum:read');
    const data = await ok<{
      staffTrainings: {
        edges: {
          node: {
            startsOn: string;
            endsOn: string;
            trainees: { byCountry: { country: { code: string }; count: number }[]; total: { count: number } };
            coachingSessions: unknown[];
            dialogueProcesses: { status: string }[];
          };
        }[];
      };
    }>(
      jokko,
      `{ staffTrainings { edges { node { startsOn endsOn trainees { byCountry { country { code } count } total { count } } coachingSessions { id } dialogueProcesses { status } } } } }`,
    );
    const training = data.staffTrainings.edges[0]!.node;
    expect((Date.parse(training.endsOn) - Date.parse(training.startsOn)) / 86_400_000).toBe(13);
    expect(training.trainees.total.count).toBe(26);
    expect(training.trainees.byCountry).toEqual([
      { country: { code: 'BF' }, count: 7 },
      { country: { code: 'ML' }, count: 11 },
      { country: { code: 'NE' }, count: 8 },
    ]);
    expect(training.coachingSessions).toHaveLength(3);
    expect(training.dialogueProcesses.map((d) => d.status).sort()).toEqual(['CONCLUDED', 'CONCLUDED', 'ONGOING']);
  });
});
