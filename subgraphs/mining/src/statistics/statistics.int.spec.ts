import { daysAgo, ok } from '../../test/fixtures';
import { COMMUNITIES, OTHER_PARTNER, OWNER, startMining, type MiningUnderTest } from '../../test/support';
import { buildWorld, type World } from '../../test/world';

let mining: MiningUnderTest;
let world: World;
let owner: MiningUnderTest['owner'];
let other: MiningUnderTest['owner'];
beforeAll(async () => {
  mining = await startMining();
  world = await buildWorld(mining);
  owner = await mining.as(OWNER, 'mining:read');
  other = await mining.as(OTHER_PARTNER, 'mining:read');
});
afterAll(() => mining.stop());

type Count = { count: number | null; suppressed: boolean };
type Headcount = { women: Count; men: Count; notBrokenDown: Count; total: Count };
type People = {
  miningPeopleTrained: {
    exact: boolean;
    trainings: number;
    total: Headcount;
    groups: {
      key: string;
      trainings: number;
      community: { id: string } | null;
      stakeholderGroup: string | null;
      provision: { article: string } | null;
      people: Headcount;
    }[];
  };
};
const PEOPLE = `query ($filter: MiningTrainingFilter, $groupBy: PeopleTrainedGrouping) { miningPeopleTrained(filter: $filter, groupBy: $groupBy) {
  exact trainings total { ...people }
  groups { key trainings community { id } stakeholderGroup provision { article } people { ...people } }
} }
fragment people on MiningHeadcount { women { count suppressed } men { count suppressed } notBrokenDown { count suppressed } total { count suppressed } }`;

const c = (count: number): Count => ({ count, suppressed: false });
const hidden: Count = { count: null, suppressed: true };
const people = (women: Count, men: Count, notBrokenDown: Count, total: Count): Headcount => ({ women, men, notBrokenDown, total });

describe('people trained', () => {
  it('are exact for the owner’s own trainings: by stakeholder group, the people counted only in a total last', async () => {
    const { miningPeopleTrained } = await ok<People>(owner, PEOPLE, { filter: { organisation: OWNER }, groupBy: 'STAKEHOLDER_GROUP' });
    expect(miningPeopleTrained.exact).toBe(true);
    expect(miningPeopleTrained.trainings).toBe(3);
    expect(miningPeopleTrained.total).toEqual(people(c(33), c(54), c(40), c(127)));
    expect(
      miningPeopleTrained.groups.map((g) => [
        g.key,
        g.stakeholderGroup,
        g.trainings,
        g.people.women.count,
        g.people.men.count,
        g.people.total.count,
      ]),
    ).toEqual([
      ['COMMUNITY_LEADERS', 'COMMUNITY_LEADERS', 1, 3, 14, 17],
      ['RELIGIOUS_LEADERS', 'RELIGIOUS_LEADERS', 1, 0, 8, 8],
      ['WOMEN', 'WOMEN', 1, 12, 0, 12],
      ['YOUTH', 'YOUTH', 2, 8, 10, 18],
      ['COMMUNITY_MEMBERS', 'COMMUNITY_MEMBERS', 1, 10, 22, 32],
      ['NOT_BROKEN_DOWN', null, 1, 0, 0, 40],
    ]);
  });

  it('withhold small counts from another partner, and the counts that would give them away', async () => {
    const { miningPeopleTrained } = await ok<People>(other, PEOPLE, { groupBy: 'STAKEHOLDER_GROUP' });
    expect(miningPeopleTrained.exact).toBe(false);
    expect(miningPeopleTrained.total).toEqual(people(c(35), c(57), c(40), c(132)));
    const byGroup = Object.fromEntries(miningPeopleTrained.groups.map((g) => [g.key, g.people]));
    // 3 women leaders: withheld, and the 14 men beside them (the leaders' total of 17 is shown).
    expect(byGroup.COMMUNITY_LEADERS).toEqual(people(hidden, hidden, c(0), c(17)));
    // The mediators' own 2 women and 3 men experts are withheld from them too: the data is not all theirs.
    expect(byGroup.GOVERNMENT_EXPERTS).toEqual(people(hidden, hidden, c(0), c(5)));
    expect(byGroup.COMMUNITY_MEMBERS).toEqual(people(c(10), c(22), c(0), c(32)));
  });

  it('by community: the Nampala cells withheld, and Kalana’s with them so that the totals give nothing away', async () => {
    const { miningPeopleTrained } = await ok<People>(other, PEOPLE, { groupBy: 'COMMUNITY' });
    const byCommunity = Object.fromEntries(miningPeopleTrained.groups.map((g) => [g.community!.id, [g.trainings, g.people]]));
    expect(byCommunity).toEqual({
      [COMMUNITIES.Kalana]: [2, people(hidden, hidden, c(0), c(87))],
      [COMMUNITIES.Nampala]: [2, people(hidden, hidden, c(40), c(45))],
    });
    const mine = await ok<People>(owner, PEOPLE, { filter: { organisation: OWNER }, groupBy: 'COMMUNITY' });
    expect(mine.miningPeopleTrained.groups.map((g) => [g.community!.id, g.people])).toEqual([
      [COMMUNITIES.Kalana, people(c(33), c(54), c(0), c(87))],
      [COMMUNITIES.Nampala, people(c(0), c(0), c(40), c(40))],
    ]);
  });

  it('by provision: a training counts under each provision it covered', async () => {
    const { miningPeopleTrained } = await ok<People>(owner, PEOPLE, { filter: { organisation: OWNER }, groupBy: 'PROVISION' });
    const byArticle = miningPeopleTrained.groups.map((g) => [g.provision!.article, g.trainings, g.people.total.count]).sort();
    expect(byArticle).toEqual([
      ['25', 1, 35],
      ['36', 1, 52],
      ['41', 1, 52],
      ['57', 1, 40],
    ]);
    expect(miningPeopleTrained.total.total).toEqual(c(127));
  });

  it('by region, kind and year, filtered by area, kind, trainer, provision and date', async () => {
    const total = async (filter: Record<string, unknown>) =>
      (await ok<People>(owner, PEOPLE, { filter: { organisation: OWNER, ...filter } })).miningPeopleTrained.total.total.count;
    expect(await total({ adminArea: 'ML0306' })).toBe(87);
    expect(await total({ kind: 'TECHNICAL' })).toBe(35);
    expect(await total({ provision: world.maliCode.articles['57'] })).toBe(40);
    expect(await total({ from: daysAgo(70), to: daysAgo(50) })).toBe(35);
    expect(await total({ community: COMMUNITIES.Nampala })).toBe(40);
    const byKind = await ok<People>(owner, PEOPLE, { filter: { organisation: OWNER }, groupBy: 'TRAINING_KIND' });
    expect(byKind.miningPeopleTrained.groups.map((g) => [g.key, g.people.total.count])).toEqual([
      ['ADVOCACY', 92],
      ['TECHNICAL', 35],
    ]);
    const byYear = await ok<People>(owner, PEOPLE, { filter: { organisation: OWNER }, groupBy: 'YEAR' });
    const years = new Map<string, number>();
    for (const days of [100, 60, 30]) years.set(daysAgo(days).slice(0, 4), 0);
    expect(byYear.miningPeopleTrained.groups.map((g) => g.key)).toEqual([...years.keys()].sort());
    expect(byYear.miningPeopleTrained.groups.reduce((sum, g) => sum + g.people.total.count!, 0)).toBe(127);
    const byRegion = await ok<{ miningPeopleTrained: { groups: { key: string; adminArea: { pcode: string } }[] } }>(
      owner,
      `{ miningPeopleTrained(groupBy: REGION) { groups { key adminArea { pcode } } } }`,
    );
    expect(byRegion.miningPeopleTrained.groups).toEqual([{ key: 'ML03', adminArea: { pcode: 'ML03' } }]);
  });

  it('refuses a period that ends before it starts', async () => {
    const { errors } = await owner(PEOPLE, { filter: { from: daysAgo(10), to: daysAgo(20) } });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.to' });
  });
});

describe('knowledge gain', () => {
  const GAIN = `query ($filter: MiningTrainingFilter, $groupBy: KnowledgeGainGrouping) { miningKnowledgeGain(filter: $filter, groupBy: $groupBy) {
    exact groupBy groups { key stakeholderGroup trainingKind figures { ...figures } } overall { ...figures }
  } }
  fragment figures on KnowledgeGainFigures { trainingsMeasured assessed { count suppressed } meanPreScorePercent meanPostScorePercent meanGainPoints withheld }`;
  type Figures = {
    trainingsMeasured: number;
    assessed: Count;
    meanPreScorePercent: number | null;
    meanPostScorePercent: number | null;
    meanGainPoints: number | null;
    withheld: boolean;
  };
  type Gain = { miningKnowledgeGain: { exact: boolean; groups: { key: string; figures: Figures }[]; overall: Figures } };
  const figures = (
    trainingsMeasured: number,
    assessed: Count,
    pre: number | null,
    post: number | null,
    gain: number | null,
    withheld = false,
  ): Figures => ({
    trainingsMeasured,
    assessed,
    meanPreScorePercent: pre,
    meanPostScorePercent: post,
    meanGainPoints: gain,
    withheld,
  });

  it('gives the owner every group’s means as percentages of each training’s scale, weighted by the people assessed', async () => {
    const { miningKnowledgeGain } = await ok<Gain>(owner, GAIN, {});
    expect(miningKnowledgeGain.exact).toBe(true);
    expect(miningKnowledgeGain.groups.map((g) => [g.key, g.figures])).toEqual([
      ['COMMUNITY_LEADERS', figures(1, c(15), 40, 70, 30)],
      ['RELIGIOUS_LEADERS', figures(1, c(3), 35, 60, 25)],
      ['WOMEN', figures(1, c(10), 30, 65, 35)],
      ['COMMUNITY_MEMBERS', figures(1, c(30), 35, 62, 27)],
    ]);
    // (15×40 + 3×35 + 10×30 + 30×35) / 58 = 35.4 before; (15×70 + 3×60 + 10×65 + 30×62) / 58 = 64.5 after.
    expect(miningKnowledgeGain.overall).toEqual(figures(2, c(58), 35.4, 64.5, 29.1));
  });

  it('withholds from another partner the means of fewer than 5 people, and of a group whose count had to be withheld with them', async () => {
    const { miningKnowledgeGain } = await ok<Gain>(other, GAIN, {});
    expect(miningKnowledgeGain.exact).toBe(false);
    const byGroup = Object.fromEntries(miningKnowledgeGain.groups.map((g) => [g.key, g.figures]));
    expect(byGroup.RELIGIOUS_LEADERS).toEqual(figures(1, hidden, null, null, null, true));
    expect(byGroup.WOMEN).toEqual(figures(1, hidden, null, null, null, true));
    expect(byGroup.COMMUNITY_LEADERS).toEqual(figures(1, c(15), 40, 70, 30));
    expect(miningKnowledgeGain.overall).toEqual(figures(2, c(58), 35.4, 64.5, 29.1));
  });

  it('groups by training kind', async () => {
    const { miningKnowledgeGain } = await ok<Gain>(owner, GAIN, { groupBy: 'TRAINING_KIND' });
    expect(
      miningKnowledgeGain.groups.map((g) => [
        g.key,
        g.figures.assessed.count,
        g.figures.meanPreScorePercent,
        g.figures.meanPostScorePercent,
      ]),
    ).toEqual([
      ['ADVOCACY', 28, 35.9, 67.1],
      ['TECHNICAL', 30, 35, 62],
    ]);
  });
});

describe('coverage map data', () => {
  const COVERAGE = `query ($filter: MiningCoverageFilter, $level: MiningCoverageLevel) { miningCoverage(filter: $filter, level: $level) {
    exact level areas { adminArea { pcode } figures { ...figures } } total { ...figures }
  } }
  fragment figures on MiningAreaFigures { miningSites sitesWithTraining trainings peopleTrained { count suppressed } consultations mediaInterventions estimatedMediaAudience exact }`;
  type Figures = {
    miningSites: number;
    sitesWithTraining: number;
    trainings: number;
    peopleTrained: Count;
    consultations: number;
    mediaInterventions: number;
    estimatedMediaAudience: number | null;
    exact: boolean;
  };
  type Coverage = { miningCoverage: { exact: boolean; areas: { adminArea: { pcode: string }; figures: Figures }[]; total: Figures } };
  const area = (
    sites: number,
    trained: number,
    trainings: number,
    peopleTrained: Count,
    consultations: number,
    media: number,
    audience: number | null,
    exact = false,
  ): Figures => ({
    miningSites: sites,
    sitesWithTraining: trained,
    trainings,
    peopleTrained,
    consultations,
    mediaInterventions: media,
    estimatedMediaAudience: audience,
    exact,
  });

  it('per region: sites, sites with a training, trainings, people, consultations and media reach', async () => {
    const { miningCoverage } = await ok<Coverage>(owner, COVERAGE, {});
    expect(miningCoverage.areas).toEqual([{ adminArea: { pcode: 'ML03' }, figures: area(3, 2, 4, c(132), 1, 1, 45000) }]);
    expect(miningCoverage.total).toEqual(area(3, 2, 4, c(132), 1, 1, 45000));
  });

  it('per admin-2 area, from a date: media reach counted for the region each area lies in, once in the total', async () => {
    const { miningCoverage } = await ok<Coverage>(other, COVERAGE, { level: 'ADMIN2', filter: { from: daysAgo(50) } });
    expect(miningCoverage.areas).toEqual([
      { adminArea: { pcode: 'ML0305' }, figures: area(1, 0, 2, c(45), 0, 1, 45000) },
      { adminArea: { pcode: 'ML0306' }, figures: area(2, 0, 0, c(0), 0, 1, 45000) },
    ]);
    expect(miningCoverage.total).toEqual(area(3, 0, 2, c(45), 0, 1, 45000));
    const mine = await ok<Coverage>(owner, COVERAGE, { level: 'ADMIN2', filter: { adminArea: 'ML0306' } });
    expect(mine.miningCoverage).toMatchObject({
      exact: true,
      areas: [{ adminArea: { pcode: 'ML0306' }, figures: area(2, 2, 2, c(87), 1, 1, 45000, true) }],
    });
    const elsewhere = await ok<Coverage>(owner, COVERAGE, { filter: { country: 'BF' } });
    expect(elsewhere.miningCoverage).toEqual({ exact: true, level: 'REGION', areas: [], total: area(0, 0, 0, c(0), 0, 0, null, true) });
  });
});
