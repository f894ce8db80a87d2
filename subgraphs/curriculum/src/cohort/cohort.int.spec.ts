import { cohort, community, deliver, facilitator, module, ok, start } from '../../test/fixtures';
import { startCurriculum, type CurriculumUnderTest } from '../../test/support';

let curriculum: CurriculumUnderTest;
const ids = {} as Record<
  'kedougou' | 'oussouye' | 'kalana' | 'module' | 'aminata' | 'ousmane' | 'moussa' | 'kedougouCohort' | 'oussouyeCohort' | 'kalanaCohort',
  string
>;
let kedougouVersion: number;

beforeAll(async () => {
  curriculum = await startCurriculum();
  ids.kedougou = await community(curriculum, 'Kédougou', 'SN0601', ['fuc', 'mnk']);
  ids.oussouye = await community(curriculum, 'Oussouye', 'SN1402', ['dyo']);
  ids.kalana = await community(curriculum, 'Kalana', 'ML0306', ['bam']);
  const peace = await module(curriculum.owner, 'Peace and Security', 4);
  ids.module = peace.id;
  ids.aminata = await facilitator(curriculum.owner, {
    fullName: 'Aminata Diallo',
    languages: ['fuc', 'mnk'],
    certifiedModules: [ids.module],
    homeCommunity: ids.kedougou,
  });
  ids.ousmane = await facilitator(curriculum.owner, { fullName: 'Ousmane Sagna', languages: ['dyo'], certifiedModules: [ids.module] });
  ids.moussa = await facilitator(curriculum.owner, { fullName: 'Moussa Traoré', languages: ['bam'], certifiedModules: [ids.module] });

  const kedougou = await cohort(curriculum.owner, {
    name: 'Kédougou women and men 2025',
    module: ids.module,
    community: ids.kedougou,
    language: 'fuc',
    facilitators: [ids.aminata],
    plannedStart: '2025-02-03',
  });
  ids.kedougouCohort = kedougou.id;
  kedougouVersion = await start(curriculum.owner, kedougou.id, kedougou.version, '2025-02-10');
  ids.oussouyeCohort = (
    await cohort(curriculum.owner, {
      name: 'Oussouye 2025',
      module: ids.module,
      community: ids.oussouye,
      language: 'dyo',
      facilitators: [ids.ousmane],
      plannedStart: '2025-09-01',
    })
  ).id;
  const kalana = await cohort(curriculum.owner, {
    name: 'Kalana 2024',
    module: ids.module,
    community: ids.kalana,
    language: 'bam',
    facilitators: [ids.moussa],
    plannedStart: '2024-10-01',
  });
  ids.kalanaCohort = kalana.id;
  await start(curriculum.owner, kalana.id, kalana.version, '2024-10-07');
});
afterAll(() => curriculum.stop());

type CohortList = {
  cohorts: { totalCount: number; edges: { node: { name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
};
const LIST = `query ($filter: CohortFilter, $first: Int, $after: String) {
  cohorts(filter: $filter, first: $first, after: $after) { totalCount edges { node { name } } pageInfo { hasNextPage endCursor } }
}`;

async function names(filter: Record<string, unknown>): Promise<string[]> {
  const data = await ok<CohortList>(curriculum.owner, LIST, { filter });
  return data.cohorts.edges.map((e) => e.node.name);
}

describe('finding cohorts', () => {
  it('lists latest start first and filters by country, area and below, community, language, status, facilitator and dates', async () => {
    expect(await names({})).toEqual(['Oussouye 2025', 'Kédougou women and men 2025', 'Kalana 2024']);
    expect(await names({ country: 'SN' })).toEqual(['Oussouye 2025', 'Kédougou women and men 2025']);
    expect(await names({ adminArea: 'SN06' })).toEqual(['Kédougou women and men 2025']);
    expect(await names({ adminArea: 'ML03' })).toEqual(['Kalana 2024']);
    expect(await names({ community: ids.oussouye })).toEqual(['Oussouye 2025']);
    expect(await names({ language: 'bam' })).toEqual(['Kalana 2024']);
    expect(await names({ status: 'PLANNED' })).toEqual(['Oussouye 2025']);
    expect(await names({ facilitator: ids.aminata })).toEqual(['Kédougou women and men 2025']);
    expect(await names({ module: ids.module, from: '2025-01-01', to: '2025-06-30' })).toEqual(['Kédougou women and men 2025']);
    expect(await names({ community: 'not-a-uuid' })).toEqual([]);
  });

  it('pages with cursors without repeats or gaps', async () => {
    const first = await ok<CohortList>(curriculum.owner, LIST, { first: 2 });
    expect(first.cohorts.totalCount).toBe(3);
    expect(first.cohorts.pageInfo.hasNextPage).toBe(true);
    const second = await ok<CohortList>(curriculum.owner, LIST, { first: 2, after: first.cohorts.pageInfo.endCursor });
    expect([...first.cohorts.edges, ...second.cohorts.edges].map((e) => e.node.name)).toEqual([
      'Oussouye 2025',
      'Kédougou women and men 2025',
      'Kalana 2024',
    ]);
    expect(second.cohorts.pageInfo.hasNextPage).toBe(false);
  });

  it('gives a cohort its community, area, country and language as references to the directory', async () => {
    const data = await ok<{ cohort: Record<string, unknown> }>(
      curriculum.owner,
      `query ($id: ID!) { cohort(id: $id) { name status startedOn community { id } adminArea { pcode } country { code } language { code } facilitators { fullName } module { title sessionCount } allowedStatusChanges } }`,
      { id: ids.kedougouCohort },
    );
    expect(data.cohort).toEqual({
      name: 'Kédougou women and men 2025',
      status: 'IN_PROGRESS',
      startedOn: '2025-02-10',
      community: { id: ids.kedougou },
      adminArea: { pcode: 'SN0601' },
      country: { code: 'SN' },
      language: { code: 'fuc' },
      facilitators: [{ fullName: 'Aminata Diallo' }],
      module: { title: 'Peace and Security', sessionCount: 4 },
      allowedStatusChanges: ['SUSPENDED'],
    });
  });
});

const PROGRESS = `query ($id: ID!) { cohort(id: $id) { status completedOn version
  progress { delivered total ratio makeUpSessions lastDeliveredOn nextSession { number title } }
  deliveries { sessionNumber deliveredOn makeUp attendance { total { count } } } } }`;
type Progress = {
  cohort: {
    status: string;
    completedOn: string | null;
    version: number;
    progress: {
      delivered: number;
      total: number;
      ratio: number;
      makeUpSessions: number;
      lastDeliveredOn: string | null;
      nextSession: { number: number; title: string } | null;
    };
    deliveries: { sessionNumber: number; deliveredOn: string; makeUp: boolean; attendance: { total: { count: number } } }[];
  };
};

describe('delivering the module', () => {
  it('counts sessions delivered, names the next one, and completes the cohort with its last plan', async () => {
    await deliver(curriculum.owner, ids.kalanaCohort, 1, '2024-10-07');
    await deliver(curriculum.owner, ids.kalanaCohort, 2, '2024-10-14');
    let data = await ok<Progress>(curriculum.owner, PROGRESS, { id: ids.kalanaCohort });
    expect(data.cohort.progress).toEqual({
      delivered: 2,
      total: 4,
      ratio: 0.5,
      makeUpSessions: 0,
      lastDeliveredOn: '2024-10-14',
      nextSession: { number: 3, title: 'Session 3' },
    });
    expect(data.cohort.status).toBe('IN_PROGRESS');

    // Out of order is fine: session 4 before 3.
    await deliver(curriculum.owner, ids.kalanaCohort, 4, '2024-10-28');
    await deliver(curriculum.owner, ids.kalanaCohort, 3, '2024-11-04');
    data = await ok<Progress>(curriculum.owner, PROGRESS, { id: ids.kalanaCohort });
    expect(data.cohort.status).toBe('COMPLETED');
    expect(data.cohort.completedOn).toBe('2024-11-04');
    expect(data.cohort.progress).toMatchObject({ delivered: 4, total: 4, ratio: 1, nextSession: null });
    expect(data.cohort.deliveries.map((d) => [d.sessionNumber, d.deliveredOn])).toEqual([
      [1, '2024-10-07'],
      [2, '2024-10-14'],
      [3, '2024-11-04'],
      [4, '2024-10-28'],
    ]);
    expect(data.cohort.deliveries[0]!.attendance.total.count).toBe(25);
  });

  it('records a re-delivery after completion as a make-up, without counting it twice', async () => {
    await deliver(curriculum.owner, ids.kalanaCohort, 2, '2024-11-11', { femaleAdults: 3, maleAdults: 2 }, { makeUp: true });
    const data = await ok<Progress>(curriculum.owner, PROGRESS, { id: ids.kalanaCohort });
    expect(data.cohort.progress).toMatchObject({ delivered: 4, total: 4, makeUpSessions: 1, lastDeliveredOn: '2024-11-11' });
    expect(data.cohort.deliveries.filter((d) => d.makeUp).map((d) => [d.sessionNumber, d.deliveredOn])).toEqual([[2, '2024-11-11']]);
    expect(data.cohort.status).toBe('COMPLETED');
  });

  it('moves completedOn when the last regular session is corrected, and audits both records', async () => {
    const before = await ok<Progress>(curriculum.owner, PROGRESS, { id: ids.kalanaCohort });
    const [row] = (await curriculum.db.dataSource.query(
      `SELECT id, version FROM session_delivery WHERE cohort_id = $1 AND session_number = 3`,
      [ids.kalanaCohort],
    )) as { id: string; version: number }[];
    await ok(
      curriculum.owner,
      `mutation ($id: ID!, $version: Int!, $input: CorrectSessionDeliveryInput!) { correctSessionDelivery(id: $id, version: $version, input: $input) { id } }`,
      {
        id: row!.id,
        version: row!.version,
        input: { deliveredOn: '2024-11-05', attendance: { femaleAdults: 11, maleAdults: 9 } },
      },
    );
    const after = await ok<Progress>(curriculum.owner, PROGRESS, { id: ids.kalanaCohort });
    expect(after.cohort.completedOn).toBe('2024-11-05');
    expect(after.cohort.version).toBe(before.cohort.version + 1);
    const audit = (await curriculum.db.dataSource.query(
      `SELECT record_type, fields FROM audit_log WHERE operation = 'correctSessionDelivery' ORDER BY id`,
    )) as { record_type: string; fields: string[] }[];
    expect(audit).toEqual([
      { record_type: 'Cohort', fields: ['status', 'completedOn'] },
      { record_type: 'SessionDelivery', fields: ['deliveredOn', 'attendance'] },
    ]);
  });

  it('lists deliveries by community, country and dates, latest first', async () => {
    await deliver(curriculum.owner, ids.kedougouCohort, 1, '2025-02-10');
    const data = await ok<{
      sessionDeliveries: { edges: { node: { sessionNumber: number; deliveredOn: string; cohort: { name: string } } }[] };
    }>(
      curriculum.owner,
      `query ($filter: SessionDeliveryFilter) { sessionDeliveries(filter: $filter) { edges { node { sessionNumber deliveredOn cohort { name } } } } }`,
      { filter: { country: 'ML', makeUp: false, from: '2024-10-10', to: '2024-10-31' } },
    );
    expect(data.sessionDeliveries.edges.map((e) => [e.node.sessionNumber, e.node.deliveredOn])).toEqual([
      [4, '2024-10-28'],
      [2, '2024-10-14'],
    ]);
    const senegal = await ok<{ sessionDeliveries: { edges: { node: { cohort: { name: string } } }[] } }>(
      curriculum.owner,
      `{ sessionDeliveries(filter: { adminArea: "SN06" }) { edges { node { cohort { name } } } } }`,
    );
    expect(senegal.sessionDeliveries.edges.map((e) => e.node.cohort.name)).toEqual(['Kédougou women and men 2025']);
  });
});

const STATUS = `mutation ($id: ID!, $version: Int!, $input: CohortStatusChangeInput!) {
  changeCohortStatus(id: $id, version: $version, input: $input) { status version suspension { reason since resumedOn } allowedStatusChanges startedOn }
}`;

describe('the cohort status machine', () => {
  it('suspends with a reason and resumes to where it was', async () => {
    const suspended = await ok<{
      changeCohortStatus: { version: number; status: string; suspension: unknown; allowedStatusChanges: string[] };
    }>(curriculum.owner, STATUS, {
      id: ids.kedougouCohort,
      version: kedougouVersion,
      input: { status: 'SUSPENDED', on: '2025-03-01', reason: 'Rainy season: fields need everyone' },
    });
    expect(suspended.changeCohortStatus).toMatchObject({
      status: 'SUSPENDED',
      suspension: { reason: 'Rainy season: fields need everyone', since: '2025-03-01', resumedOn: null },
      allowedStatusChanges: ['IN_PROGRESS'],
    });
    const refused = await curriculum.owner(
      `mutation ($id: ID!) { recordSessionDelivery(input: { cohort: $id, sessionNumber: 2, deliveredOn: "2025-03-05", attendance: { femaleAdults: 5 } }) { id } }`,
      {
        id: ids.kedougouCohort,
      },
    );
    expect(refused.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.cohort' });
    expect(refused.errors![0]!.message).toMatch(/suspended since 2025-03-01 \(Rainy season: fields need everyone\): resume it/);

    const resumed = await ok<{ changeCohortStatus: { version: number; status: string; suspension: unknown } }>(curriculum.owner, STATUS, {
      id: ids.kedougouCohort,
      version: suspended.changeCohortStatus.version,
      input: { status: 'IN_PROGRESS', on: '2025-04-07' },
    });
    expect(resumed.changeCohortStatus).toMatchObject({
      status: 'IN_PROGRESS',
      suspension: { reason: 'Rainy season: fields need everyone', since: '2025-03-01', resumedOn: '2025-04-07' },
    });
    kedougouVersion = resumed.changeCohortStatus.version;
  });

  it('refuses a transition that is not allowed, naming the allowed ones, and changes nothing', async () => {
    const completed = await curriculum.owner(STATUS, { id: ids.kedougouCohort, version: kedougouVersion, input: { status: 'COMPLETED' } });
    expect(completed.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.status' });
    expect(completed.errors![0]!.message).toBe(
      'A cohort that is IN_PROGRESS cannot go to COMPLETED: it can go to SUSPENDED; a cohort is completed automatically when all 4 session plans are delivered (1 so far)',
    );
    const planned = await curriculum.owner(STATUS, { id: ids.kalanaCohort, version: 99, input: { status: 'PLANNED' } });
    expect(planned.errors![0]!.extensions!.code).toBe('CONFLICT');
    const [kalana] = (await curriculum.db.dataSource.query(`SELECT version FROM cohort WHERE id = $1`, [ids.kalanaCohort])) as {
      version: number;
    }[];
    const fromCompleted = await curriculum.owner(STATUS, {
      id: ids.kalanaCohort,
      version: kalana!.version,
      input: { status: 'SUSPENDED', reason: 'x' },
    });
    expect(fromCompleted.errors![0]!.message).toBe('A cohort that is COMPLETED cannot go to SUSPENDED: it cannot change any more');
    const noReason = await curriculum.owner(STATUS, { id: ids.oussouyeCohort, version: 1, input: { status: 'SUSPENDED' } });
    expect(noReason.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    const [row] = (await curriculum.db.dataSource.query(`SELECT status, version FROM cohort WHERE id = $1`, [
      ids.oussouyeCohort,
    ])) as unknown[];
    expect(row).toEqual({ status: 'PLANNED', version: 1 });
  });
});

describe('what the curriculum adds to the directory entities', () => {
  it('gives a community its cohorts, a language its cohorts and an organisation its facilitators', async () => {
    const data = await ok<{ _entities: unknown[] }>(
      curriculum.owner,
      `query ($r: [_Any!]!) { _entities(representations: $r) {
        ... on Community { id cohorts { name status } }
        ... on Language { code cohorts(status: COMPLETED) { name } }
        ... on Organisation { id facilitators(first: 2) { fullName } }
      } }`,
      {
        r: [
          { __typename: 'Community', id: ids.kalana },
          { __typename: 'Community', id: ids.oussouye },
          { __typename: 'Language', code: 'bam' },
          { __typename: 'Organisation', id: '00000000-0000-4000-8000-0000000000a1' },
        ],
      },
    );
    expect(data._entities).toEqual([
      { id: ids.kalana, cohorts: [{ name: 'Kalana 2024', status: 'COMPLETED' }] },
      { id: ids.oussouye, cohorts: [{ name: 'Oussouye 2025', status: 'PLANNED' }] },
      { code: 'bam', cohorts: [{ name: 'Kalana 2024' }] },
      { id: '00000000-0000-4000-8000-0000000000a1', facilitators: [{ fullName: 'Aminata Diallo' }, { fullName: 'Moussa Traoré' }] },
    ]);
  });
});
