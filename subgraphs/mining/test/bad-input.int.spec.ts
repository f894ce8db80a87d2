import { daysAgo } from './fixtures';
import { COMMUNITIES, ECOWAS_COMMISSION, FINKOLO, startMining, type MiningUnderTest } from './support';
import { buildWorld, type World } from './world';

let mining: MiningUnderTest;
let world: World;
beforeAll(async () => {
  mining = await startMining();
  world = await buildWorld(mining);
});
afterAll(() => mining.stop());

const UNKNOWN = '00000000-0000-4000-8000-00000000dead';
const TOMORROW = daysAgo(-1);

const M: Record<string, string> = {
  createLegalInstrument: `mutation ($input: CreateLegalInstrumentInput!) { createLegalInstrument(input: $input) { id } }`,
  updateLegalInstrument: `mutation ($id: ID!, $version: Int!, $input: UpdateLegalInstrumentInput!) { updateLegalInstrument(id: $id, version: $version, input: $input) { id } }`,
  addProvision: `mutation ($input: AddProvisionInput!) { addProvision(input: $input) { id } }`,
  updateProvision: `mutation ($id: ID!, $version: Int!, $input: UpdateProvisionInput!) { updateProvision(id: $id, version: $version, input: $input) { id } }`,
  createMiningSite: `mutation ($input: CreateMiningSiteInput!) { createMiningSite(input: $input) { id } }`,
  updateMiningSite: `mutation ($id: ID!, $version: Int!, $input: UpdateMiningSiteInput!) { updateMiningSite(id: $id, version: $version, input: $input) { id } }`,
  recordCommunityConsultation: `mutation ($input: RecordCommunityConsultationInput!) { recordCommunityConsultation(input: $input) { id } }`,
  updateCommunityConsultation: `mutation ($id: ID!, $version: Int!, $input: UpdateCommunityConsultationInput!) { updateCommunityConsultation(id: $id, version: $version, input: $input) { id } }`,
  recordMiningTraining: `mutation ($input: RecordMiningTrainingInput!) { recordMiningTraining(input: $input) { id } }`,
  updateMiningTraining: `mutation ($id: ID!, $version: Int!, $input: UpdateMiningTrainingInput!) { updateMiningTraining(id: $id, version: $version, input: $input) { id } }`,
  recordPolicyDialogue: `mutation ($input: RecordPolicyDialogueInput!) { recordPolicyDialogue(input: $input) { id } }`,
  updatePolicyDialogue: `mutation ($id: ID!, $version: Int!, $input: UpdatePolicyDialogueInput!) { updatePolicyDialogue(id: $id, version: $version, input: $input) { id } }`,
  addPolicyCommitment: `mutation ($input: AddPolicyCommitmentInput!) { addPolicyCommitment(input: $input) { id } }`,
  changePolicyCommitmentStatus: `mutation ($id: ID!, $version: Int!, $input: PolicyCommitmentStatusInput!) { changePolicyCommitmentStatus(id: $id, version: $version, input: $input) { id } }`,
  recordMediaIntervention: `mutation ($input: RecordMediaInterventionInput!) { recordMediaIntervention(input: $input) { id } }`,
  updateMediaIntervention: `mutation ($id: ID!, $version: Int!, $input: UpdateMediaInterventionInput!) { updateMediaIntervention(id: $id, version: $version, input: $input) { id } }`,
  recordPublication: `mutation ($input: RecordPublicationInput!) { recordPublication(input: $input) { id } }`,
  updatePublication: `mutation ($id: ID!, $version: Int!, $input: UpdatePublicationInput!) { updatePublication(id: $id, version: $version, input: $input) { id } }`,
};

/** Valid inputs each case spoils one field of. */
const instrument = () => ({ title: 'Mining Code of Niger', kind: 'NATIONAL_MINING_CODE', country: 'NE', year: 2022 });
const site = () => ({ name: 'Nampala washing site', community: COMMUNITIES.Nampala, kind: 'ARTISANAL', minerals: ['GOLD'] });
const consultation = () => ({
  community: COMMUNITIES.Nampala,
  heldOn: daysAgo(10),
  participants: { byGroup: [{ stakeholderGroup: 'COMMUNITY_LEADERS', women: 1, men: 6 }] },
});
const training = () => ({
  title: 'Land and compensation',
  kind: 'ADVOCACY',
  startsOn: daysAgo(5),
  endsOn: daysAgo(4),
  community: COMMUNITIES.Nampala,
  trainers: [ECOWAS_COMMISSION],
  instrument: world.emmmda.id,
  provisions: [world.emmmda.articles['41']],
  participants: { byGroup: [{ stakeholderGroup: 'YOUTH', women: 5, men: 6 }] },
  knowledgeAssessment: {
    scaleMin: 0,
    scaleMax: 20,
    byGroup: [{ stakeholderGroup: 'YOUTH', assessed: 10, meanPreScore: 7, meanPostScore: 13 }],
  },
});
const dialogue = () => ({
  title: 'Regional dialogue on artisanal gold',
  level: 'REGIONAL',
  heldOn: daysAgo(12),
  venue: 'Niamey',
  participants: { total: 55 },
  commitments: [{ description: 'Map the artisanal sites', madeBy: 'ECOWAS Commission', dueOn: daysAgo(-100) }],
});
const media = () => ({
  kind: 'TELEVISION',
  outlet: 'National television',
  title: 'The code on air',
  language: 'fra',
  releasedOn: daysAgo(3),
  regionsReached: ['ML03'],
});
const publication = () => ({
  title: 'Leaflet on compensation',
  kind: 'LEAFLET',
  language: 'bam',
  publishedOn: daysAgo(3),
  copiesPrinted: 500,
  copiesDistributed: 100,
});

type Case = [name: string, mutation: string, variables: () => Record<string, unknown>, field: string];
const update =
  (id: () => string, input: Record<string, unknown> | (() => Record<string, unknown>), version = 1) =>
  () => ({
    id: id(),
    version,
    input: typeof input === 'function' ? input() : input,
  });

const CASES: Case[] = [
  ['a national code without its country', 'createLegalInstrument', () => ({ input: { ...instrument(), country: null } }), 'input.country'],
  [
    'a regional act with a country',
    'createLegalInstrument',
    () => ({ input: { ...instrument(), kind: 'REGIONAL_MODEL_LAW' } }),
    'input.country',
  ],
  ['a country outside the platform', 'createLegalInstrument', () => ({ input: { ...instrument(), country: 'GH' } }), 'input.country'],
  ['a year to come', 'createLegalInstrument', () => ({ input: { ...instrument(), year: 2999 } }), 'input.year'],
  [
    'an instrument already recorded',
    'createLegalInstrument',
    () => ({
      input: { ...instrument(), title: 'ecowas model mining and mineral development act', kind: 'REGIONAL_MODEL_LAW', country: null },
    }),
    'input.title',
  ],
  ['a blank title', 'updateLegalInstrument', update(() => world.emmmda.id, { title: '   ' }), 'input.title'],
  [
    'a regional act made national without a country',
    'updateLegalInstrument',
    update(() => world.emmmda.id, { kind: 'NATIONAL_MINING_CODE' }),
    'input.country',
  ],
  [
    'a provision of an unknown instrument',
    'addProvision',
    () => ({ input: { instrument: UNKNOWN, article: '1', title: 'Scope', topic: 'LICENSING' } }),
    'input.instrument',
  ],
  [
    'an article already recorded',
    'addProvision',
    () => ({ input: { instrument: world.emmmda.id, article: '36', title: 'Again', topic: 'LICENSING' } }),
    'input.article',
  ],
  [
    'a provision renumbered onto another',
    'updateProvision',
    update(() => world.emmmda.articles['41']!, { article: '36' }),
    'input.article',
  ],
  ['a provision without its title', 'updateProvision', update(() => world.emmmda.articles['41']!, { title: null }), 'input.title'],
  ['a site in an unknown community', 'createMiningSite', () => ({ input: { ...site(), community: UNKNOWN } }), 'input.community'],
  ['an industrial site without operator', 'createMiningSite', () => ({ input: { ...site(), kind: 'INDUSTRIAL' } }), 'input.operator'],
  ['an operator the directory does not know', 'createMiningSite', () => ({ input: { ...site(), operator: UNKNOWN } }), 'input.operator'],
  ['a site without minerals', 'createMiningSite', () => ({ input: { ...site(), minerals: [] } }), 'input.minerals'],
  ['a mineral twice', 'createMiningSite', () => ({ input: { ...site(), minerals: ['GOLD', 'GOLD'] } }), 'input.minerals.1'],
  [
    'a second site of the same name in a community',
    'createMiningSite',
    () => ({ input: { ...site(), name: 'KALANA gold-panning area', community: COMMUNITIES.Kalana } }),
    'input.name',
  ],
  [
    'a site moved while trainings name it',
    'updateMiningSite',
    update(() => world.sites.panning, { community: FINKOLO }),
    'input.community',
  ],
  [
    'a site made industrial without operator',
    'updateMiningSite',
    update(() => world.sites.panning, { kind: 'INDUSTRIAL' }),
    'input.operator',
  ],
  ['a consultation to come', 'recordCommunityConsultation', () => ({ input: { ...consultation(), heldOn: TOMORROW } }), 'input.heldOn'],
  ['a consultation nowhere', 'recordCommunityConsultation', () => ({ input: { ...consultation(), community: null } }), 'input.community'],
  [
    'a site of another community',
    'recordCommunityConsultation',
    () => ({ input: { ...consultation(), site: world.sites.panning } }),
    'input.site',
  ],
  ['an unknown site', 'recordCommunityConsultation', () => ({ input: { ...consultation(), site: UNKNOWN } }), 'input.site'],
  [
    'groups that do not add up to the total',
    'recordCommunityConsultation',
    () => ({ input: { ...consultation(), participants: { ...consultation().participants, total: 8 } } }),
    'input.participants.total',
  ],
  [
    'a challenge twice',
    'recordCommunityConsultation',
    () => ({ input: { ...consultation(), challenges: ['CHILD_LABOUR', 'CHILD_LABOUR'] } }),
    'input.challenges.1',
  ],
  [
    'a consultation moved to tomorrow',
    'updateCommunityConsultation',
    update(() => world.consultation, { heldOn: TOMORROW }),
    'input.heldOn',
  ],
  [
    'men among women’s associations',
    'updateCommunityConsultation',
    update(() => world.consultation, { participants: { byGroup: [{ stakeholderGroup: 'WOMEN', women: 4, men: 1 }] } }),
    'input.participants.byGroup.0.men',
  ],
  [
    'a training that ends before it starts',
    'recordMiningTraining',
    () => ({ input: { ...training(), endsOn: daysAgo(6) } }),
    'input.endsOn',
  ],
  [
    'a training to come',
    'recordMiningTraining',
    () => ({ input: { ...training(), startsOn: TOMORROW, endsOn: TOMORROW } }),
    'input.startsOn',
  ],
  [
    'a training in an unknown community',
    'recordMiningTraining',
    () => ({ input: { ...training(), community: UNKNOWN } }),
    'input.community',
  ],
  [
    'a trainer the directory does not know',
    'recordMiningTraining',
    () => ({ input: { ...training(), trainers: [ECOWAS_COMMISSION, UNKNOWN] } }),
    'input.trainers.1',
  ],
  ['a training without trainers', 'recordMiningTraining', () => ({ input: { ...training(), trainers: [] } }), 'input.trainers'],
  [
    'a provision of another instrument',
    'recordMiningTraining',
    () => ({ input: { ...training(), provisions: [world.maliCode.articles['57']] } }),
    'input.provisions.0',
  ],
  [
    'provisions without their instrument',
    'recordMiningTraining',
    () => ({ input: { ...training(), instrument: null } }),
    'input.instrument',
  ],
  ['an unknown instrument', 'recordMiningTraining', () => ({ input: { ...training(), instrument: UNKNOWN } }), 'input.instrument'],
  [
    'participants that do not add up',
    'recordMiningTraining',
    () => ({ input: { ...training(), participants: { ...training().participants, total: 12 } } }),
    'input.participants.total',
  ],
  [
    'a score above the scale',
    'recordMiningTraining',
    () => ({
      input: {
        ...training(),
        knowledgeAssessment: {
          scaleMin: 0,
          scaleMax: 20,
          byGroup: [{ stakeholderGroup: 'YOUTH', assessed: 10, meanPreScore: 7, meanPostScore: 21 }],
        },
      },
    }),
    'input.knowledgeAssessment.byGroup.0.meanPostScore',
  ],
  [
    'more people assessed than took part',
    'recordMiningTraining',
    () => ({
      input: {
        ...training(),
        knowledgeAssessment: {
          scaleMin: 0,
          scaleMax: 20,
          byGroup: [{ stakeholderGroup: 'YOUTH', assessed: 12, meanPreScore: 7, meanPostScore: 12 }],
        },
      },
    }),
    'input.knowledgeAssessment.byGroup.0.assessed',
  ],
  [
    'a scale upside down',
    'recordMiningTraining',
    () => ({ input: { ...training(), knowledgeAssessment: { scaleMin: 20, scaleMax: 0, byGroup: [] } } }),
    'input.knowledgeAssessment.scaleMax',
  ],
  [
    'an ECPF component twice',
    'recordMiningTraining',
    () => ({ input: { ...training(), ecpfComponents: ['MEDIA', 'MEDIA'] } }),
    'input.ecpfComponents.1',
  ],
  [
    'fewer participants than were assessed',
    'updateMiningTraining',
    update(() => world.trainings.leaders, { participants: { byGroup: [{ stakeholderGroup: 'COMMUNITY_LEADERS', women: 2, men: 4 }] } }),
    'input.participants',
  ],
  [
    'a new instrument with the old provisions',
    'updateMiningTraining',
    update(
      () => world.trainings.leaders,
      () => ({ instrument: world.maliCode.id }),
    ),
    'input.provisions',
  ],
  [
    'an end moved before the start',
    'updateMiningTraining',
    update(() => world.trainings.leaders, { endsOn: daysAgo(200) }),
    'input.endsOn',
  ],
  [
    'a venue area the directory does not know',
    'recordPolicyDialogue',
    () => ({ input: { ...dialogue(), adminArea: 'ML99' } }),
    'input.adminArea',
  ],
  [
    'a convener the directory does not know',
    'recordPolicyDialogue',
    () => ({ input: { ...dialogue(), convenedWith: [UNKNOWN] } }),
    'input.convenedWith.0',
  ],
  [
    'a commitment due before the dialogue',
    'recordPolicyDialogue',
    () => ({ input: { ...dialogue(), commitments: [{ description: 'x', madeBy: 'y', dueOn: daysAgo(20) }] } }),
    'input.commitments.0.dueOn',
  ],
  ['a dialogue to come', 'recordPolicyDialogue', () => ({ input: { ...dialogue(), heldOn: TOMORROW } }), 'input.heldOn'],
  ['a dialogue without a venue', 'recordPolicyDialogue', () => ({ input: { ...dialogue(), venue: ' ' } }), 'input.venue'],
  [
    'a dialogue moved after its commitments were made',
    'updatePolicyDialogue',
    update(() => world.dialogue, { heldOn: daysAgo(10) }),
    'input.heldOn',
  ],
  [
    'a dialogue with nobody',
    'updatePolicyDialogue',
    update(() => world.dialogue, { participants: { total: 0 } }),
    'input.participants.total',
  ],
  [
    'a commitment to an unknown dialogue',
    'addPolicyCommitment',
    () => ({ input: { dialogue: UNKNOWN, description: 'x', madeBy: 'y' } }),
    'input.dialogue',
  ],
  [
    'a commitment already recorded',
    'addPolicyCommitment',
    () => ({ input: { dialogue: world.dialogue, description: 'publish the community development agreements', madeBy: 'y' } }),
    'input.description',
  ],
  [
    'a commitment without who made it',
    'addPolicyCommitment',
    () => ({ input: { dialogue: world.dialogue, description: 'x', madeBy: '' } }),
    'input.madeBy',
  ],
  [
    'a commitment that stalls before it starts',
    'changePolicyCommitmentStatus',
    update(() => world.commitments[1]!, { status: 'STALLED', on: daysAgo(1) }),
    'input.status',
  ],
  [
    'a change before the commitment was made',
    'changePolicyCommitmentStatus',
    update(() => world.commitments[1]!, { status: 'IN_PROGRESS', on: daysAgo(60) }),
    'input.on',
  ],
  [
    'a change to come',
    'changePolicyCommitmentStatus',
    update(() => world.commitments[1]!, { status: 'IN_PROGRESS', on: TOMORROW }),
    'input.on',
  ],
  [
    'a language the directory does not know',
    'recordMediaIntervention',
    () => ({ input: { ...media(), language: 'zzz' } }),
    'input.language',
  ],
  [
    'an admin-2 area as a region',
    'recordMediaIntervention',
    () => ({ input: { ...media(), regionsReached: ['ML0306'] } }),
    'input.regionsReached.0',
  ],
  [
    'a region the directory does not know',
    'recordMediaIntervention',
    () => ({ input: { ...media(), regionsReached: ['ML03', 'ML77'] } }),
    'input.regionsReached.1',
  ],
  ['no airing', 'recordMediaIntervention', () => ({ input: { ...media(), airings: 0 } }), 'input.airings'],
  ['a negative audience', 'recordMediaIntervention', () => ({ input: { ...media(), estimatedAudience: -5 } }), 'input.estimatedAudience'],
  ['no region reached', 'updateMediaIntervention', update(() => world.radio, { regionsReached: [] }), 'input.regionsReached'],
  ['an airing to come', 'updateMediaIntervention', update(() => world.radio, { releasedOn: TOMORROW }), 'input.releasedOn'],
  [
    'more copies distributed than printed',
    'recordPublication',
    () => ({ input: { ...publication(), copiesDistributed: 501 } }),
    'input.copiesDistributed',
  ],
  ['a publication in an unknown language', 'recordPublication', () => ({ input: { ...publication(), language: 'qqq' } }), 'input.language'],
  ['negative copies', 'recordPublication', () => ({ input: { ...publication(), copiesPrinted: -1 } }), 'input.copiesPrinted'],
  [
    'more copies distributed than printed, later',
    'updatePublication',
    update(() => world.booklet, { copiesDistributed: 3001 }),
    'input.copiesDistributed',
  ],
  [
    'a publication moved to a language the directory does not know',
    'updatePublication',
    update(() => world.booklet, { language: 'qqq' }),
    'input.language',
  ],
];

describe('bad input: BAD_USER_INPUT naming the field, and nothing written', () => {
  it('covers every mutation of the schema', () => {
    expect(new Set(CASES.map(([, mutation]) => mutation))).toEqual(new Set(Object.keys(M)));
  });

  it.each(CASES)('%s (%s)', async (_name, mutation, variables, field) => {
    const before = await mining.allRows();
    const { data, errors } = await mining.owner(M[mutation]!, variables());
    expect(data?.[mutation] ?? null).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(errors![0]!.message).not.toMatch(/SELECT|INSERT|violates|constraint/i);
    expect(await mining.allRows()).toEqual(before);
  });

  it('accepts the inputs the cases spoil, so each refusal is about its one field', async () => {
    for (const [mutation, input] of [
      ['createLegalInstrument', instrument()],
      ['createMiningSite', site()],
      ['recordCommunityConsultation', consultation()],
      ['recordMiningTraining', training()],
      ['recordPolicyDialogue', dialogue()],
      ['recordMediaIntervention', media()],
      ['recordPublication', publication()],
    ] as const) {
      const { errors } = await mining.owner(M[mutation]!, { input });
      expect([mutation, errors]).toEqual([mutation, undefined]);
    }
  });
});
