import { facilitator, module, ok } from './fixtures';
import { ORGS, startCurriculum, type CurriculumUnderTest } from './support';

let curriculum: CurriculumUnderTest;
let moduleId: string;
let facilitatorIds: string[];
beforeAll(async () => {
  curriculum = await startCurriculum();
  moduleId = (await module(curriculum.owner, 'Peace and Security', 4)).id;
  facilitatorIds = [
    await facilitator(curriculum.owner, { fullName: 'Aminata Diallo', languages: ['fuc'], certifiedModules: [moduleId] }),
    await facilitator(curriculum.owner, { fullName: 'Mamadou Baldé', languages: ['fuc'], certifiedModules: [moduleId] }),
  ];
});
afterAll(() => curriculum.stop());

/** `count` more cohorts, each in its own community, with 0 to 3 sessions delivered. */
async function addCohorts(count: number, offset: number): Promise<void> {
  await curriculum.db.dataSource.query(
    `INSERT INTO cohort (owner_org, created_by, name, module_id, community_id, admin_pcode, region_pcode, country_code, language_code,
                         facilitator_ids, audiences, enrolled_female_adults, enrolled_male_adults, planned_start, started_on, status)
     SELECT $1, 'test', 'Cohort ' || (n + $2), $3, gen_random_uuid(), 'SN0601', 'SN06', 'SN', 'fuc',
            $4::uuid[], '{MEN,WOMEN}', 20, 15, DATE '2025-01-06' + n, DATE '2025-01-06' + n, 'IN_PROGRESS'
     FROM generate_series(1, $5) AS n`,
    [ORGS.educators, offset, moduleId, facilitatorIds, count],
  );
  await curriculum.db.dataSource.query(
    `INSERT INTO session_delivery (owner_org, created_by, cohort_id, session_plan_id, session_number, delivered_on, facilitator_ids, attended_female_adults)
     SELECT c.owner_org, 'test', c.id, p.id, p.number, c.started_on + 7 * p.number, c.facilitator_ids, 12
     FROM cohort c JOIN session_plan p ON p.module_id = c.module_id AND p.number <= (abs(hashtext(c.name)) % 4)
     WHERE NOT EXISTS (SELECT 1 FROM session_delivery d WHERE d.cohort_id = c.id)`,
  );
}

const LIST = `{ cohorts(first: 50) { edges { node {
  name status community { id } language { code } module { title } facilitators { fullName }
  progress { delivered total ratio lastDeliveredOn nextSession { number title } }
  enrolment { total { count } }
} } } }`;

async function statementsFor(query: string, variables: Record<string, unknown> = {}): Promise<number> {
  const owner = await curriculum.as(ORGS.educators, 'curriculum:read');
  curriculum.db.statements.reset();
  await ok(owner, query, variables);
  return curriculum.db.statements.count;
}

describe('SQL statements per request', () => {
  it('does not grow with the number of cohorts listed with their communities and delivery progress (no N+1)', async () => {
    await addCohorts(5, 0);
    const forFive = await statementsFor(LIST);
    await addCohorts(45, 5);
    const forFifty = await statementsFor(LIST);
    const owner = await curriculum.as(ORGS.educators, 'curriculum:read');
    const data = await ok<{ cohorts: { edges: { node: { progress: { delivered: number; total: number } } }[] } }>(owner, LIST);
    expect(data.cohorts.edges).toHaveLength(50);
    expect(new Set(data.cohorts.edges.map((e) => e.node.progress.delivered)).size).toBeGreaterThan(1);
    expect(data.cohorts.edges.every((e) => e.node.progress.total === 4)).toBe(true);
    expect(forFifty).toBe(forFive);
    // cohorts, modules, facilitators, progress, next session plans: one statement each.
    expect(forFifty).toBe(5);
  });

  it('costs one statement per field for 50 communities with their cohorts and progress', async () => {
    const communities = (await curriculum.db.dataSource.query(`SELECT community_id FROM cohort LIMIT 50`)) as { community_id: string }[];
    const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Community { cohorts { name progress { delivered nextSession { number } } deliveries { deliveredOn } } } } }`;
    const few = await statementsFor(query, { r: communities.slice(0, 5).map((c) => ({ __typename: 'Community', id: c.community_id })) });
    const many = await statementsFor(query, { r: communities.map((c) => ({ __typename: 'Community', id: c.community_id })) });
    expect(many).toBe(few);
    // cohorts of the communities, progress, next plans, deliveries.
    expect(many).toBe(4);
  });

  it('runs the COUNT only when totalCount is asked for', async () => {
    const without = await statementsFor(`{ cohorts(first: 10) { edges { node { name } } } }`);
    const withCount = await statementsFor(`{ cohorts(first: 10) { totalCount edges { node { name } } } }`);
    expect(withCount).toBe(without + 1);
  });
});
