import { answeredOnce, atOnce, outcomes, retriedCreate } from '@peacegraph/kit/testing';
import { daysAgo, ok } from './fixtures';
import { COMMUNITIES, OWNER, startMining, type MiningUnderTest } from './support';
import { buildWorld, type World } from './world';

/**
 * Writes that arrive at the same instant, over HTTP: 50 copies of one keyed create make one record
 * and all answer with it; commitments per dialogue and provisions per instrument stop at their limit
 * however many come at once, numbered one after another, the rest refused naming the field.
 */
let mining: MiningUnderTest;
let world: World;
beforeAll(async () => {
  mining = await startMining();
  world = await buildWorld(mining);
});
afterAll(() => mining.stop());

const MUTATIONS = {
  createLegalInstrument: 'CreateLegalInstrumentInput',
  addProvision: 'AddProvisionInput',
  createMiningSite: 'CreateMiningSiteInput',
  recordCommunityConsultation: 'RecordCommunityConsultationInput',
  recordMiningTraining: 'RecordMiningTrainingInput',
  recordPolicyDialogue: 'RecordPolicyDialogueInput',
  addPolicyCommitment: 'AddPolicyCommitmentInput',
  recordMediaIntervention: 'RecordMediaInterventionInput',
  recordPublication: 'RecordPublicationInput',
} as const;
type Mutation = keyof typeof MUTATIONS;

function send(name: Mutation, input: Record<string, unknown>) {
  return mining.owner<Record<string, { id: string } | null>>(`mutation ($input: ${MUTATIONS[name]}!) { ${name}(input: $input) { id } }`, {
    input,
  });
}

const PARTICIPANTS = { byGroup: [{ stakeholderGroup: 'COMMUNITY_LEADERS', women: 2, men: 5 }] };

let dialogues = 0;
async function dialogue(commitments: number): Promise<string> {
  dialogues += 1;
  const { recordPolicyDialogue } = await ok<{ recordPolicyDialogue: { id: string } }>(
    mining.owner,
    `mutation ($input: RecordPolicyDialogueInput!) { recordPolicyDialogue(input: $input) { id } }`,
    {
      input: {
        title: `Regional dialogue ${dialogues}`,
        level: 'REGIONAL',
        heldOn: daysAgo(10),
        venue: 'Sikasso',
        participants: PARTICIPANTS,
        commitments: Array.from({ length: commitments }, (_, i) => ({ description: `Commitment ${i}`, madeBy: 'Governor' })),
      },
    },
  );
  return recordPolicyDialogue.id;
}

/** Every create mutation that takes a clientMutationId, with an input that is valid once. */
const KEYED: [Mutation, string, () => Promise<Record<string, unknown>>][] = [
  [
    'createLegalInstrument',
    'legal_instrument',
    async () => ({ title: 'Mining Code of Niger', kind: 'NATIONAL_MINING_CODE', country: 'NE', year: 2022 }),
  ],
  [
    'addProvision',
    'provision',
    async () => ({ instrument: world.maliCode.id, article: '99', title: 'Closure', topic: 'GRIEVANCE_MECHANISMS' }),
  ],
  [
    'createMiningSite',
    'mining_site',
    async () => ({ name: 'Kalana quarry', community: COMMUNITIES.Kalana, kind: 'ARTISANAL', minerals: ['SAND_AND_GRAVEL'] }),
  ],
  [
    'recordCommunityConsultation',
    'community_consultation',
    async () => ({
      site: world.sites.panning,
      heldOn: daysAgo(5),
      participants: { ...PARTICIPANTS, total: 7 },
      challenges: ['WATER_POLLUTION'],
    }),
  ],
  [
    'recordMiningTraining',
    'mining_training',
    async () => ({
      title: 'Retried training',
      kind: 'ADVOCACY',
      startsOn: daysAgo(4),
      endsOn: daysAgo(4),
      community: COMMUNITIES.Kalana,
      trainers: [OWNER],
      participants: { total: 12 },
    }),
  ],
  [
    'recordPolicyDialogue',
    'policy_dialogue',
    async () => ({ title: 'Retried dialogue', level: 'LOCAL', heldOn: daysAgo(3), venue: 'Kalana', participants: PARTICIPANTS }),
  ],
  [
    'addPolicyCommitment',
    'policy_commitment',
    async () => ({ dialogue: world.dialogue, description: 'Open the register of permits', madeBy: 'Ministry of Mines' }),
  ],
  [
    'recordMediaIntervention',
    'media_intervention',
    async () => ({
      kind: 'RADIO',
      outlet: 'Radio Kledu',
      title: 'Retried programme',
      language: 'bam',
      releasedOn: daysAgo(2),
      regionsReached: ['ML03'],
    }),
  ],
  [
    'recordPublication',
    'publication',
    async () => ({ title: 'Retried booklet', kind: 'BOOKLET', language: 'fra', publishedOn: daysAgo(2), copiesDistributed: 200 }),
  ],
];

describe('a create sent 50 times at once with one clientMutationId', () => {
  it.each(KEYED)('%s makes one record and every copy answers with it', async (name, table, inputFor) => {
    const input = { ...(await inputFor()), clientMutationId: `retry-${name}` };
    // A copy sent again afterwards answers the same, even though the input would now be refused.
    expect(await retriedCreate(50, () => send(name, input), name, { db: mining.db, table, clientMutationId: `retry-${name}` })).toEqual(
      answeredOnce(50),
    );
  });
});

describe('at most 50 commitments per policy dialogue, numbered one after another', () => {
  it.each([
    [0, 60],
    [2, 50],
    [45, 12],
    [50, 4],
  ])('a dialogue with %i commitments takes only what fits of %i added at once', async (before, together) => {
    const id = await dialogue(before);
    const { ids, refusals } = outcomes(
      await atOnce(together, (i) => send('addPolicyCommitment', { dialogue: id, description: `Added commitment ${i}`, madeBy: 'Prefect' })),
      'addPolicyCommitment',
    );
    expect(ids).toHaveLength(Math.min(together, 50 - before));
    expect(refusals).toEqual(Array(together - ids.length).fill('BAD_USER_INPUT input.dialogue'));
    const numbers = await mining.db.dataSource.query(`SELECT number FROM policy_commitment WHERE dialogue_id = $1 ORDER BY number`, [id]);
    expect(numbers.map((n: { number: number }) => n.number)).toEqual(
      Array.from({ length: Math.min(50, before + together) }, (_, i) => i + 1),
    );
  });
});

describe('at most 500 provisions per legal instrument', () => {
  it.each([
    [510, 500],
    [30, 30],
  ])('%i added at once store %i', async (together, stored) => {
    const { createLegalInstrument } = await ok<{ createLegalInstrument: { id: string } }>(
      mining.owner,
      `mutation ($input: CreateLegalInstrumentInput!) { createLegalInstrument(input: $input) { id } }`,
      {
        input: { title: `Long code ${together}`, kind: 'NATIONAL_MINING_CODE', country: 'BF', year: 2015 },
      },
    );
    const responses = await atOnce(together, (i) =>
      send('addProvision', {
        instrument: createLegalInstrument.id,
        article: String(i + 1),
        title: `Article ${i + 1}`,
        topic: 'REVENUE_TRANSPARENCY',
      }),
    );
    const { ids, refusals } = outcomes(responses, 'addProvision');
    expect(ids).toHaveLength(stored);
    expect(refusals).toEqual(Array(together - stored).fill('BAD_USER_INPUT input.instrument'));
    expect(
      (await mining.db.dataSource.query(`SELECT count(*)::int AS n FROM provision WHERE instrument_id = $1`, [createLegalInstrument.id]))[0]
        .n,
    ).toBe(stored);
  });
});

describe('a site moving while trainings and consultations name it', () => {
  let round = 0;

  it.each([
    [1, 1],
    [5, 3],
    [12, 0],
    [0, 8],
  ])('with %i trainings and %i consultations at once, every record stays in its site’s community', async (trainings, consultations) => {
    round += 1;
    const { createMiningSite } = await ok<{ createMiningSite: { id: string; version: number } }>(
      mining.owner,
      `mutation ($input: CreateMiningSiteInput!) { createMiningSite(input: $input) { id version } }`,
      { input: { name: `Moving quarry ${round}`, community: COMMUNITIES.Kalana, kind: 'ARTISANAL', minerals: ['SAND_AND_GRAVEL'] } },
    );
    const site = createMiningSite.id;
    const move = mining.owner<{ updateMiningSite: { id: string } | null }>(
      `mutation ($id: ID!, $version: Int!) { updateMiningSite(id: $id, version: $version, input: { community: "${COMMUNITIES.Nampala}" }) { id } }`,
      { id: site, version: createMiningSite.version },
    );
    const naming = atOnce(trainings + consultations, (i) =>
      i < trainings
        ? send('recordMiningTraining', {
            title: `Site training ${round}.${i}`,
            kind: 'ADVOCACY',
            startsOn: daysAgo(4),
            endsOn: daysAgo(4),
            site,
            trainers: [OWNER],
            participants: { total: 10 },
          })
        : send('recordCommunityConsultation', { site, heldOn: daysAgo(20 * round + i), participants: { ...PARTICIPANTS, total: 7 } }),
    );
    const [moved, named] = await Promise.all([move, naming]);
    const [{ community_id: siteCommunity }] = await mining.db.dataSource.query(`SELECT community_id FROM mining_site WHERE id = $1`, [
      site,
    ]);
    const stray = await mining.db.dataSource.query(
      `SELECT id FROM mining_training WHERE site_id = $1 AND community_id <> $2 UNION ALL SELECT id FROM community_consultation WHERE site_id = $1 AND community_id <> $2`,
      [site, siteCommunity],
    );
    expect(stray).toEqual([]);
    const accepted = named.filter((r) => !r.errors).length;
    if (moved.errors) {
      // The move came second: something named the site first.
      expect(moved.errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.community' });
      expect(accepted).toBeGreaterThan(0);
      expect(siteCommunity).toBe(COMMUNITIES.Kalana);
    } else {
      expect(siteCommunity).toBe(COMMUNITIES.Nampala);
    }
    for (const refused of named.filter((r) => r.errors)) {
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.site' });
    }
  });
});
