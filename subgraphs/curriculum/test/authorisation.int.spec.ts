import { ORGS, startCurriculum, type CurriculumUnderTest } from './support';
import { buildWorld, type World } from './world';

let curriculum: CurriculumUnderTest;
let world: World;
beforeAll(async () => {
  curriculum = await startCurriculum();
  world = await buildWorld(curriculum);
});
afterAll(() => curriculum.stop());

type Errors = { path?: (string | number)[]; extensions?: Record<string, unknown> }[] | undefined;
function codes(errors: Errors): string[] {
  return (errors ?? []).map((e) => `${e.path?.join('.')}:${e.extensions?.code}`).sort();
}

const FACILITATOR = `query ($id: ID!) { facilitator(id: $id) { fullName phone email } }`;
type FacilitatorRead = { facilitator: { fullName: string; phone: string | null; email: string | null } | null };

const ATTENDANCE = `query ($id: ID!) { cohort(id: $id) { deliveries { attendance {
  exact total { count suppressed } bySexAndAgeGroup { sex ageGroup count suppressed } bySex { sex count suppressed } byAgeGroup { ageGroup count suppressed }
} } } }`;
type Attendance = {
  cohort: {
    deliveries: {
      attendance: {
        exact: boolean;
        total: { count: number | null; suppressed: boolean };
        bySexAndAgeGroup: { sex: string; ageGroup: string; count: number | null; suppressed: boolean }[];
        bySex: { sex: string; count: number | null; suppressed: boolean }[];
        byAgeGroup: { ageGroup: string; count: number | null; suppressed: boolean }[];
      };
    }[];
  };
};

describe('anonymous callers', () => {
  it('read the published module, and nothing else', async () => {
    const module = await curriculum.request<{
      module: { title: string; sessionCount: number; sessionPlans: { number: number; theme: string }[] };
    }>(`query ($id: ID!) { module(id: $id) { title sessionCount sessionPlans { number theme } } }`, { id: world.module });
    expect(module.errors).toBeUndefined();
    expect(module.data!.module).toEqual({
      title: 'Peace and Security',
      sessionCount: 3,
      sessionPlans: [
        { number: 1, theme: 'COMMUNITY_VISION' },
        { number: 2, theme: 'HUMAN_RIGHTS' },
        { number: 3, theme: 'SOCIAL_NORMS' },
      ],
    });
    const cohorts = await curriculum.request(`{ cohorts { totalCount } }`);
    expect(codes(cohorts.errors)).toEqual(['cohorts:UNAUTHENTICATED']);
  });

  it('get a community reference with its key but no cohorts', async () => {
    const { data, errors } = await curriculum.request<{ _entities: { id: string; cohorts: unknown }[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Community { id cohorts { name } } } }`,
      { r: [{ __typename: 'Community', id: world.kedougou }] },
    );
    expect(data!._entities).toEqual([{ id: world.kedougou, cohorts: null }]);
    expect(codes(errors)).toEqual(['_entities.0.cohorts:UNAUTHENTICATED']);
  });

  it('cannot write', async () => {
    const before = await curriculum.rows('module');
    const { errors } = await curriculum.request(`mutation { createModule(input: { title: "Shadow", edition: "1" }) { id } }`);
    expect(errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(await curriculum.rows('module')).toBe(before);
  });
});

describe('field classes, caller by caller', () => {
  it('another partner reads partner fields, not the facilitator contact details', async () => {
    const mediators = await curriculum.as(ORGS.mediators, 'curriculum:read curriculum:sensitive');
    const { data, errors } = await mediators<FacilitatorRead>(FACILITATOR, { id: world.aminata });
    expect(data!.facilitator).toEqual({ fullName: 'Aminata Diallo', phone: null, email: null });
    expect(codes(errors)).toEqual(['facilitator.email:FORBIDDEN', 'facilitator.phone:FORBIDDEN']);
  });

  it('the owner without curriculum:sensitive does not read them either, nor does an admin', async () => {
    const owner = await curriculum.as(ORGS.educators, 'curriculum:write');
    expect(codes((await owner<FacilitatorRead>(FACILITATOR, { id: world.aminata })).errors)).toEqual([
      'facilitator.email:FORBIDDEN',
      'facilitator.phone:FORBIDDEN',
    ]);
    const admin = await curriculum.as(ORGS.platform, 'admin');
    expect(codes((await admin<FacilitatorRead>(FACILITATOR, { id: world.aminata })).errors)).toEqual([
      'facilitator.email:FORBIDDEN',
      'facilitator.phone:FORBIDDEN',
    ]);
  });

  it('the owner with curriculum:sensitive reads them, and the read is audited with its purpose', async () => {
    const owner = await curriculum.as(ORGS.educators, 'curriculum:sensitive');
    const { data, errors } = await owner<FacilitatorRead>(FACILITATOR, { id: world.aminata }, { 'x-purpose': 'arranging a refresher' });
    expect(errors).toBeUndefined();
    expect(data!.facilitator).toEqual({ fullName: 'Aminata Diallo', phone: '+221 70 000 01 14', email: 'aminata@educators.example' });
    const rows = (await curriculum.db.dataSource.query(
      `SELECT actor_org, record_type, fields, owner_org, purpose FROM audit_log WHERE action = 'READ' AND $1 = ANY(record_ids)`,
      [world.aminata],
    )) as unknown[];
    expect(rows).toEqual([
      {
        actor_org: ORGS.educators,
        record_type: 'Facilitator',
        fields: ['phone', 'email'],
        owner_org: ORGS.educators,
        purpose: 'arranging a refresher',
      },
    ]);
  });

  it('counts of people are exact for the owner and disclosure-controlled for another partner', async () => {
    const owner = await curriculum.as(ORGS.educators, 'curriculum:read');
    const exact = (await owner<Attendance>(ATTENDANCE, { id: world.cohort })).data!.cohort.deliveries[0]!.attendance;
    expect(exact.exact).toBe(true);
    expect(exact.total).toEqual({ count: 25, suppressed: false });
    expect(exact.bySexAndAgeGroup.filter((c) => c.ageGroup === 'YOUTH')).toEqual([
      { sex: 'FEMALE', ageGroup: 'YOUTH', count: 4, suppressed: false },
      { sex: 'MALE', ageGroup: 'YOUTH', count: 3, suppressed: false },
    ]);
    expect(exact.bySex).toEqual([
      { sex: 'FEMALE', count: 14, suppressed: false },
      { sex: 'MALE', count: 11, suppressed: false },
    ]);

    const mediators = await curriculum.as(ORGS.mediators, 'curriculum:read');
    const disclosed = (await mediators<Attendance>(ATTENDANCE, { id: world.cohort })).data!.cohort.deliveries[0]!.attendance;
    expect(disclosed.exact).toBe(false);
    expect(disclosed.total).toEqual({ count: 25, suppressed: false });
    expect(disclosed.bySexAndAgeGroup).toEqual([
      { sex: 'FEMALE', ageGroup: 'CHILDREN', count: 0, suppressed: false },
      { sex: 'FEMALE', ageGroup: 'YOUTH', count: null, suppressed: true },
      { sex: 'FEMALE', ageGroup: 'ADULTS', count: 10, suppressed: false },
      { sex: 'MALE', ageGroup: 'CHILDREN', count: 0, suppressed: false },
      { sex: 'MALE', ageGroup: 'YOUTH', count: null, suppressed: true },
      { sex: 'MALE', ageGroup: 'ADULTS', count: 8, suppressed: false },
    ]);
    // A subtotal holding a withheld cell is withheld too: 14 women minus 10 would give the 4 away.
    expect(disclosed.bySex).toEqual([
      { sex: 'FEMALE', count: null, suppressed: true },
      { sex: 'MALE', count: null, suppressed: true },
    ]);
    expect(disclosed.byAgeGroup).toEqual([
      { ageGroup: 'CHILDREN', count: 0, suppressed: false },
      { ageGroup: 'YOUTH', count: null, suppressed: true },
      { ageGroup: 'ADULTS', count: 18, suppressed: false },
    ]);
  });
});

describe('writes belong to their organisation', () => {
  async function writes(): Promise<number> {
    const [row] = (await curriculum.db.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'WRITE'`)) as {
      n: number;
    }[];
    return row!.n;
  }

  it("refuses another partner changing the owner's cohort, and writes nothing", async () => {
    const mediators = await curriculum.as(ORGS.mediators, 'curriculum:write');
    const [before] = (await curriculum.db.dataSource.query(`SELECT name, version FROM cohort WHERE id = $1`, [world.cohort])) as {
      name: string;
      version: number;
    }[];
    const auditBefore = await writes();
    const { errors } = await mediators(
      `mutation ($id: ID!, $v: Int!) { updateCohort(id: $id, version: $v, input: { name: "Taken over" }) { id } }`,
      {
        id: world.cohort,
        v: before!.version,
      },
    );
    expect(errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(errors![0]!.message).toBe(`Cohort ${world.cohort} belongs to another organisation; only its owner may change it`);
    const [after] = (await curriculum.db.dataSource.query(`SELECT name, version FROM cohort WHERE id = $1`, [world.cohort])) as unknown[];
    expect(after).toEqual(before);
    expect(await writes()).toBe(auditBefore);
  });

  it("refuses another partner recording sessions, plans or follow-up under the owner's records", async () => {
    const mediators = await curriculum.as(ORGS.mediators, 'curriculum:write');
    const counts = async () =>
      Promise.all(['session_delivery', 'planned_action', 'coaching_session', 'session_plan'].map((t) => curriculum.rows(t)));
    const before = await counts();
    const auditBefore = await writes();
    const attempts = await Promise.all([
      mediators(
        `mutation ($c: ID!) { recordSessionDelivery(input: { cohort: $c, sessionNumber: 2, deliveredOn: "2025-02-17", attendance: { femaleAdults: 5 } }) { id } }`,
        { c: world.cohort },
      ),
      mediators(
        `mutation ($p: ID!) { addPlannedAction(input: { actionPlan: $p, description: "x", responsibleGroup: "y", dueOn: "2025-05-01" }) { id } }`,
        { p: world.actionPlan },
      ),
      mediators(
        `mutation ($t: ID!) { recordCoachingSession(input: { staffTraining: $t, heldOn: "2025-03-01", mode: REMOTE, focus: "x", participantsCoached: 2 }) { id } }`,
        { t: world.training },
      ),
      mediators(
        `mutation ($m: ID!) { addSessionPlan(input: { module: $m, number: 4, title: "x", theme: HUMAN_RIGHTS, objectives: ["x"], durationMinutes: 60, audiences: [MEN] }) { id } }`,
        { m: world.module },
      ),
    ]);
    expect(attempts.map((a) => a.errors![0]!.extensions!.code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    expect(await counts()).toEqual(before);
    expect(await writes()).toBe(auditBefore);
  });

  it('refuses a write without curriculum:write', async () => {
    const reader = await curriculum.as(ORGS.educators, 'curriculum:read curriculum:sensitive');
    const before = await curriculum.rows('staff_training');
    const { errors } = await reader(
      `mutation { createStaffTraining(input: { title: "x", topics: ["x"], startsOn: "2025-01-01", endsOn: "2025-01-02", trainees: [{ country: "ML", women: 1, men: 1 }] }) { id } }`,
    );
    expect(errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(errors![0]!.message).toMatch(/curriculum:write/);
    expect(await curriculum.rows('staff_training')).toBe(before);
  });

  it('records every write in the audit log, readable by its owner and not by other partners', async () => {
    const owner = await curriculum.as(ORGS.educators, 'curriculum:read');
    const LOG = `query ($id: ID!) { curriculumAuditLog(recordId: $id, action: WRITE) { totalCount edges { node { operation recordType fields ownerOrganisation actorOrganisation } } } }`;
    type Log = {
      curriculumAuditLog: {
        totalCount: number;
        edges: { node: { operation: string; recordType: string; fields: string[]; ownerOrganisation: string } }[];
      };
    };
    const mine = await owner<Log>(LOG, { id: world.cohort });
    expect(mine.data!.curriculumAuditLog.edges.map((e) => e.node.operation)).toEqual(['changeCohortStatus', 'createCohort']);
    expect(mine.data!.curriculumAuditLog.edges[1]!.node).toMatchObject({ recordType: 'Cohort', ownerOrganisation: ORGS.educators });
    const mediators = await curriculum.as(ORGS.mediators, 'curriculum:read');
    const theirs = await mediators<Log>(LOG, { id: world.cohort });
    expect(theirs.data!.curriculumAuditLog.totalCount).toBe(0);
  });
});
