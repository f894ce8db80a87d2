import { daysAgo, EMMMDA_ARTICLES, EMMMDA_INPUT, instrument, ok, site, training, type Instrument } from './fixtures';
import { COMMUNITIES, ECOWAS_COMMISSION, FINKOLO, ORGS, OTHER_PARTNER, OWNER, type MiningUnderTest } from './support';

/**
 * The records most tests read, through the graph as the forum would write them:
 * - the EMMMDA (articles 25, 36, 41, 70, 78) and the Mining Code of Mali (12, 57);
 * - sites: the Kalana gold-panning area (artisanal), the Kalana small-scale mine, an industrial mine in
 *   Finkolo operated by the educators;
 * - a consultation in Kalana about the small-scale mine;
 * - the forum's trainings: leaders in Kalana (52 people, scored out of 20), artisanal miners at the
 *   panning area (35, scored out of 100, with the ECOWAS Commission), a total-only training in Nampala
 *   (40); and the mediators' training in Nampala (5 government experts);
 * - a national dialogue with two commitments, a radio programme and a booklet.
 */
export interface World {
  emmmda: Instrument;
  maliCode: Instrument;
  sites: { panning: string; smallMine: string; industrial: string };
  consultation: string;
  trainings: { leaders: string; artisanal: string; nampala: string; mediators: string };
  dialogue: string;
  commitments: string[];
  radio: string;
  booklet: string;
}

export async function buildWorld(mining: MiningUnderTest): Promise<World> {
  const owner = mining.owner;
  const emmmda = await instrument(owner, EMMMDA_INPUT, EMMMDA_ARTICLES);
  const maliCode = await instrument(owner, { title: 'Mining Code of Mali', kind: 'NATIONAL_MINING_CODE', country: 'ML', year: 2023 }, [
    ['12', 'ARTISANAL_AND_SMALL_SCALE_MINING'],
    ['57', 'COMMUNITY_DEVELOPMENT_AGREEMENTS'],
  ]);
  const panning = (await site(owner)).id;
  const smallMine = (await site(owner, { name: 'Kalana small-scale gold mine', kind: 'SMALL_SCALE' })).id;
  const industrial = (
    await site(owner, {
      name: 'Finkolo gold mine',
      community: FINKOLO,
      kind: 'INDUSTRIAL',
      minerals: ['GOLD', 'SAND_AND_GRAVEL'],
      operator: ORGS.educators,
    })
  ).id;

  const { recordCommunityConsultation } = await ok<{ recordCommunityConsultation: { id: string } }>(
    owner,
    `mutation ($input: RecordCommunityConsultationInput!) { recordCommunityConsultation(input: $input) { id } }`,
    {
      input: {
        site: smallMine,
        heldOn: daysAgo(120),
        participants: {
          byGroup: [
            { stakeholderGroup: 'COMMUNITY_LEADERS', women: 1, men: 8 },
            { stakeholderGroup: 'RELIGIOUS_LEADERS', women: 0, men: 4 },
            { stakeholderGroup: 'WOMEN', women: 6, men: 0 },
          ],
          total: 19,
        },
        challenges: ['LAND_DISPOSSESSION', 'WATER_POLLUTION', 'CHILD_LABOUR'],
        notes: 'The elders asked for the sessions to be held after the harvest.',
      },
    },
  );

  const leaders = await training(owner, {
    site: smallMine,
    startsOn: daysAgo(100),
    endsOn: daysAgo(99),
    instrument: emmmda.id,
    provisions: [emmmda.articles['41'], emmmda.articles['36']],
    ecpfComponents: ['NATURAL_RESOURCE_GOVERNANCE', 'EARLY_WARNING'],
    knowledgeAssessment: {
      scaleMin: 0,
      scaleMax: 20,
      byGroup: [
        { stakeholderGroup: 'COMMUNITY_LEADERS', assessed: 15, meanPreScore: 8, meanPostScore: 14 },
        { stakeholderGroup: 'RELIGIOUS_LEADERS', assessed: 3, meanPreScore: 7, meanPostScore: 12 },
        { stakeholderGroup: 'WOMEN', assessed: 10, meanPreScore: 6, meanPostScore: 13 },
      ],
    },
  });
  const artisanal = await training(owner, {
    title: 'Safer artisanal gold mining',
    kind: 'TECHNICAL',
    site: panning,
    community: null,
    startsOn: daysAgo(60),
    endsOn: daysAgo(58),
    trainers: [OWNER, ECOWAS_COMMISSION],
    instrument: emmmda.id,
    provisions: [emmmda.articles['25']],
    ecpfComponents: ['YOUTH_EMPOWERMENT'],
    participants: {
      byGroup: [
        { stakeholderGroup: 'YOUTH', women: 2, men: 1 },
        { stakeholderGroup: 'COMMUNITY_MEMBERS', women: 10, men: 22 },
      ],
      total: 35,
    },
    knowledgeAssessment: {
      scaleMin: 0,
      scaleMax: 100,
      byGroup: [{ stakeholderGroup: 'COMMUNITY_MEMBERS', assessed: 30, meanPreScore: 35, meanPostScore: 62 }],
    },
  });
  const nampala = await training(owner, {
    title: 'Community development agreements under the Mali code',
    community: COMMUNITIES.Nampala,
    startsOn: daysAgo(30),
    endsOn: daysAgo(30),
    instrument: maliCode.id,
    provisions: [maliCode.articles['57']],
    participants: { total: 40 },
  });
  const mediatorsClient = await mining.as(OTHER_PARTNER, 'mining:write');
  const mediators = await training(mediatorsClient, {
    title: 'Mining conflicts for local officials',
    kind: 'TECHNICAL',
    community: COMMUNITIES.Nampala,
    startsOn: daysAgo(20),
    endsOn: daysAgo(20),
    trainers: [OTHER_PARTNER],
    participants: { byGroup: [{ stakeholderGroup: 'GOVERNMENT_EXPERTS', women: 2, men: 3 }] },
  });

  const { recordPolicyDialogue } = await ok<{ recordPolicyDialogue: { id: string; commitments: { id: string }[] } }>(
    owner,
    `mutation ($input: RecordPolicyDialogueInput!) { recordPolicyDialogue(input: $input) { id commitments { id } } }`,
    {
      input: {
        title: 'National dialogue on the ECOWAS mining act',
        level: 'NATIONAL',
        heldOn: daysAgo(50),
        venue: 'Conference centre, Bamako',
        adminArea: 'ML0901',
        convenedWith: [ECOWAS_COMMISSION],
        instrument: emmmda.id,
        provisions: [emmmda.articles['36'], emmmda.articles['70']],
        participants: {
          byGroup: [
            { stakeholderGroup: 'GOVERNMENT_EXPERTS', women: 7, men: 19 },
            { stakeholderGroup: 'CIVIL_SOCIETY', women: 6, men: 9 },
            { stakeholderGroup: 'COMMUNITY_LEADERS', women: 1, men: 6 },
            { stakeholderGroup: 'MEDIA', women: 3, men: 4 },
          ],
        },
        commitments: [
          { description: 'Compare the national code with the ECOWAS act', madeBy: 'Ministry of Mines', dueOn: daysAgo(-40) },
          { description: 'Publish the community development agreements', madeBy: 'Ministry of Mines' },
        ],
      },
    },
  );

  const { recordMediaIntervention } = await ok<{ recordMediaIntervention: { id: string } }>(
    owner,
    `mutation ($input: RecordMediaInterventionInput!) { recordMediaIntervention(input: $input) { id } }`,
    {
      input: {
        kind: 'RADIO',
        outlet: 'Community radio, Yanfolila',
        title: 'Who owns the gold?',
        campaign: 'Know your mining code',
        language: 'bam',
        releasedOn: daysAgo(45),
        airings: 6,
        regionsReached: ['ML03'],
        estimatedAudience: 45000,
        instrument: emmmda.id,
        provisions: [emmmda.articles['36']],
      },
    },
  );
  const { recordPublication } = await ok<{ recordPublication: { id: string } }>(
    owner,
    `mutation ($input: RecordPublicationInput!) { recordPublication(input: $input) { id } }`,
    {
      input: {
        title: 'The ECOWAS mining act in questions and answers',
        kind: 'BOOKLET',
        language: 'fra',
        publishedOn: daysAgo(70),
        copiesPrinted: 3000,
        copiesDistributed: 2450,
        instrument: emmmda.id,
        provisions: [emmmda.articles['36'], emmmda.articles['41']],
      },
    },
  );
  return {
    emmmda,
    maliCode,
    sites: { panning, smallMine, industrial },
    consultation: recordCommunityConsultation.id,
    trainings: { leaders: leaders.id, artisanal: artisanal.id, nampala: nampala.id, mediators: mediators.id },
    dialogue: recordPolicyDialogue.id,
    commitments: recordPolicyDialogue.commitments.map((c) => c.id),
    radio: recordMediaIntervention.id,
    booklet: recordPublication.id,
  };
}
