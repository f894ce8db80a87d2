import { cohort, community, deliver, facilitator, module, ok, start } from '../../test/fixtures';
import { ORGS, startCurriculum, type CurriculumUnderTest } from '../../test/support';

let curriculum: CurriculumUnderTest;

/**
 * The educators: Kédougou (SN) completed in January, Oussouye (SN) one session in February, Kalana
 * (ML) completed in April with a make-up and a social mobilisation. The mediators: one cohort in
 * Kalana, so that unfiltered figures mix two organisations.
 */
beforeAll(async () => {
  curriculum = await startCurriculum();
  const kedougou = await community(curriculum, 'Kédougou', 'SN0601', ['fuc']);
  const oussouye = await community(curriculum, 'Oussouye', 'SN1402', ['dyo']);
  const kalana = await community(curriculum, 'Kalana', 'ML0306', ['bam']);
  const peace = await module(curriculum.owner, 'Peace and Security', 2);
  const aminata = await facilitator(curriculum.owner, {
    fullName: 'Aminata Diallo',
    languages: ['fuc', 'dyo', 'bam'],
    certifiedModules: [peace.id],
  });

  const run = async (
    client: typeof curriculum.owner,
    name: string,
    place: string,
    language: string,
    facilitatorId: string,
    enrolment: Record<string, number>,
    startOn: string,
    sessions: string[],
  ) => {
    const created = await cohort(client, {
      name,
      module: peace.id,
      community: place,
      language,
      facilitators: [facilitatorId],
      enrolment,
      plannedStart: startOn,
    });
    await start(client, created.id, created.version, startOn);
    for (const [i, date] of sessions.entries()) await deliver(client, created.id, i + 1, date, { femaleAdults: 2 });
    return created.id;
  };
  await run(
    curriculum.owner,
    'Kédougou class',
    kedougou,
    'fuc',
    aminata,
    { femaleAdults: 12, maleAdults: 10, femaleYouth: 3 },
    '2025-01-06',
    ['2025-01-06', '2025-01-13'],
  );
  await run(curriculum.owner, 'Oussouye class', oussouye, 'dyo', aminata, { femaleAdults: 8, maleAdults: 7 }, '2025-02-03', ['2025-02-03']);
  const kalanaCohort = await run(
    curriculum.owner,
    'Kalana class',
    kalana,
    'bam',
    aminata,
    { femaleAdults: 20, maleAdults: 2, femaleYouth: 6, maleYouth: 6 },
    '2025-04-07',
    ['2025-04-07', '2025-04-14'],
  );
  await deliver(curriculum.owner, kalanaCohort, 1, '2025-04-20', { femaleAdults: 3 }, { makeUp: true });
  await ok(curriculum.owner, `mutation ($input: RecordSocialMobilisationInput!) { recordSocialMobilisation(input: $input) { id } }`, {
    input: {
      cohort: kalanaCohort,
      heldOn: '2025-04-21',
      activity: 'RADIO_BROADCAST',
      communitiesReached: [kalana],
      peopleReached: { femaleAdults: 30, maleAdults: 25, maleChildren: 2 },
    },
  });

  const mediators = await curriculum.as(ORGS.mediators, 'curriculum:write');
  const moussa = await facilitator(mediators, { fullName: 'Moussa Traoré', languages: ['bam'], certifiedModules: [peace.id] });
  await run(mediators, 'Kalana mediators class', kalana, 'bam', moussa, { femaleAdults: 9, maleAdults: 9 }, '2025-05-05', ['2025-05-05']);
});
afterAll(() => curriculum.stop());

const REACH = `query ($filter: ReachFilter, $groupBy: ReachGrouping) {
  curriculumReach(filter: $filter, groupBy: $groupBy) {
    exact groupBy
    groups { key country { code } adminArea { pcode } figures { ...figures } }
    total { ...figures }
  }
}
fragment figures on ReachFigures {
  cohortsCompleted { count suppressed }
  sessionsDelivered { count suppressed }
  makeUpSessionsDelivered { count suppressed }
  participantsReached { exact total { count suppressed } bySexAndAgeGroup { sex ageGroup count suppressed } bySex { sex count suppressed } }
  participantsReachedByAudience { audience count suppressed }
  peopleReachedByMobilisation { total { count suppressed } }
}`;

type Count = { count: number | null; suppressed: boolean };
type Figures = {
  cohortsCompleted: Count;
  sessionsDelivered: Count;
  makeUpSessionsDelivered: Count;
  participantsReached: {
    exact: boolean;
    total: Count;
    bySexAndAgeGroup: ({ sex: string; ageGroup: string } & Count)[];
    bySex: ({ sex: string } & Count)[];
  };
  participantsReachedByAudience: ({ audience: string } & Count)[];
  peopleReachedByMobilisation: { total: Count };
};
type Reach = {
  curriculumReach: {
    exact: boolean;
    groupBy: string | null;
    groups: { key: string; country: { code: string } | null; adminArea: { pcode: string } | null; figures: Figures }[];
    total: Figures;
  };
};

const shown = (count: number): Count => ({ count, suppressed: false });
const withheld: Count = { count: null, suppressed: true };
const cell = (sex: string, ageGroup: string, value: Count) => ({ sex, ageGroup, ...value });

describe('curriculum reach for the owner', () => {
  it('is exact for its own cohorts, in total and by country', async () => {
    const owner = await curriculum.as(ORGS.educators, 'curriculum:read');
    const { curriculumReach } = await ok<Reach>(owner, REACH, { filter: { organisation: ORGS.educators }, groupBy: 'COUNTRY' });
    expect(curriculumReach.exact).toBe(true);
    expect(curriculumReach.total).toMatchObject({
      cohortsCompleted: shown(2),
      sessionsDelivered: shown(5),
      makeUpSessionsDelivered: shown(1),
      peopleReachedByMobilisation: { total: shown(57) },
    });
    expect(curriculumReach.total.participantsReached.total).toEqual(shown(74));
    expect(curriculumReach.total.participantsReached.bySex).toEqual([
      { sex: 'FEMALE', ...shown(49) },
      { sex: 'MALE', ...shown(25) },
    ]);
    expect(
      curriculumReach.groups.map((g) => [
        g.key,
        g.country?.code,
        g.figures.cohortsCompleted.count,
        g.figures.sessionsDelivered.count,
        g.figures.participantsReached.total.count,
      ]),
    ).toEqual([
      ['ML', 'ML', 1, 2, 34],
      ['SN', 'SN', 1, 3, 40],
    ]);
  });

  it("groups by quarter on each figure's own date, and by region and below", async () => {
    const owner = await curriculum.as(ORGS.educators, 'curriculum:read');
    const quarters = await ok<Reach>(owner, REACH, { filter: { organisation: ORGS.educators }, groupBy: 'QUARTER' });
    expect(
      quarters.curriculumReach.groups.map((g) => [g.key, g.figures.cohortsCompleted.count, g.figures.sessionsDelivered.count]),
    ).toEqual([
      ['2025-Q1', 1, 3],
      ['2025-Q2', 1, 2],
    ]);
    const regions = await ok<Reach>(owner, REACH, { filter: { organisation: ORGS.educators, country: 'SN' }, groupBy: 'REGION' });
    expect(regions.curriculumReach.groups.map((g) => [g.key, g.adminArea?.pcode, g.figures.participantsReached.total.count])).toEqual([
      ['SN06', 'SN06', 25],
      ['SN14', 'SN14', 15],
    ]);
    const oussouye = await ok<Reach>(owner, REACH, {
      filter: { organisation: ORGS.educators, adminArea: 'SN14', from: '2025-01-01', to: '2025-03-31' },
    });
    expect(oussouye.curriculumReach.groups).toEqual([]);
    expect(oussouye.curriculumReach.total.sessionsDelivered).toEqual(shown(1));
  });

  it("is no longer exact when the selection holds another organisation's cohorts", async () => {
    const owner = await curriculum.as(ORGS.educators, 'curriculum:read');
    const { curriculumReach } = await ok<Reach>(owner, REACH, {});
    expect(curriculumReach.exact).toBe(false);
    expect(curriculumReach.total.participantsReached.total).toEqual(shown(92));
  });
});

describe('curriculum reach for another partner', () => {
  it('withholds small counts and what would give them away, group by group and in total', async () => {
    const mediators = await curriculum.as(ORGS.mediators, 'curriculum:read');
    const { curriculumReach } = await ok<Reach>(mediators, REACH, { filter: { organisation: ORGS.educators }, groupBy: 'COUNTRY' });
    expect(curriculumReach.exact).toBe(false);
    const [mali, senegal] = curriculumReach.groups;
    // 2 and 3 sessions are both withheld; their sum, 5, is not small and names no one.
    expect([mali!.figures.sessionsDelivered, senegal!.figures.sessionsDelivered, curriculumReach.total.sessionsDelivered]).toEqual([
      withheld,
      withheld,
      shown(5),
    ]);
    expect([mali!.figures.cohortsCompleted, curriculumReach.total.cohortsCompleted]).toEqual([withheld, withheld]);
    // One make-up in Mali, none in Senegal: the total would give the Malian one away.
    expect([
      mali!.figures.makeUpSessionsDelivered,
      senegal!.figures.makeUpSessionsDelivered,
      curriculumReach.total.makeUpSessionsDelivered,
    ]).toEqual([withheld, shown(0), withheld]);

    // Mali: 2 men withheld, so a second cell of the row too (the smaller of the 6s); Senegal: 3 young women, and 17 men.
    expect(mali!.figures.participantsReached.bySexAndAgeGroup).toEqual([
      cell('FEMALE', 'CHILDREN', shown(0)),
      cell('FEMALE', 'YOUTH', withheld),
      cell('FEMALE', 'ADULTS', shown(20)),
      cell('MALE', 'CHILDREN', shown(0)),
      cell('MALE', 'YOUTH', shown(6)),
      cell('MALE', 'ADULTS', withheld),
    ]);
    expect(mali!.figures.participantsReached.total).toEqual(shown(34));
    expect(mali!.figures.participantsReached.bySex).toEqual([
      { sex: 'FEMALE', ...withheld },
      { sex: 'MALE', ...withheld },
    ]);
    expect(senegal!.figures.participantsReached.bySexAndAgeGroup.filter((c) => c.suppressed).map((c) => `${c.sex} ${c.ageGroup}`)).toEqual([
      'FEMALE YOUTH',
      'MALE ADULTS',
    ]);
    // Across countries each cell's total is large enough to show.
    expect(curriculumReach.total.participantsReached.bySexAndAgeGroup.every((c) => !c.suppressed)).toBe(true);
    expect(curriculumReach.total.participantsReached.total).toEqual(shown(74));
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    const mediators = await curriculum.as(ORGS.mediators, 'curriculum:read');
    const { errors } = await mediators(REACH, { filter: { from: '2025-06-01', to: '2025-01-01' } });
    expect(errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.to' });
  });

  it('is not shown to anonymous callers', async () => {
    const { errors } = await curriculum.request(REACH, {});
    expect(errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });
});
