import { answeredOnce, atOnce, outcomes, retriedCreate, rowsWithKey } from '@peacegraph/kit/testing';
import { daysAgo } from './fixtures';
import { beneficiary, programme, report, write } from './displacement-world';
import { DEMO_COMMUNITIES, OWNER, startDisplacement, type DisplacementUnderTest } from './support';
import { LONGITUDE, createCorridor, createCountingPoint, createSpot, hoursAgo } from './transhumance-world';

/**
 * Writes that arrive at the same instant, over HTTP: 50 copies of every keyed create make one record
 * and all answer with it; a round is recorded once per area; beneficiary codes of cases registered
 * at once follow one another, none twice.
 */
let sub: DisplacementUnderTest;
let programmeId: string;
let corridor: string;
let point: string;
let spot: string;
beforeAll(async () => {
  sub = await startDisplacement();
  programmeId = (await write(sub.owner, 'createReintegrationProgramme', { input: programme() })).id;
  corridor = (await createCorridor(sub.owner, {})).id;
  point = (await createCountingPoint(sub.owner, { name: 'Point A', latitude: 14.5, corridor })).id;
  spot = (await createSpot(sub.owner, { name: 'Seytenga fields', kind: 'CROPLAND', latitude: 14.2, corridor })).id;
});
afterAll(() => sub.stop());

const MUTATIONS = {
  recordDisplacementReport: 'RecordDisplacementReportInput',
  createReintegrationProgramme: 'CreateReintegrationProgrammeInput',
  registerReintegrationCase: 'RegisterReintegrationCaseInput',
  recordAwarenessSession: 'RecordAwarenessSessionInput',
  createTranshumanceCorridor: 'CreateTranshumanceCorridorInput',
  createSensitiveSpot: 'CreateSensitiveSpotInput',
  createCountingPoint: 'CreateCountingPointInput',
  raiseTranshumanceAlert: 'RaiseTranshumanceAlertInput',
} as const;
type Mutation = keyof typeof MUTATIONS;
const send = (name: Mutation, input: Record<string, unknown>) =>
  sub.owner<Record<string, { id: string } | null>>(`mutation ($input: ${MUTATIONS[name]}!) { ${name}(input: $input) { id } }`, { input });

/** Every create mutation that takes a clientMutationId (flows below), with an input that is valid once. */
const KEYED: [Mutation, string, () => Record<string, unknown>][] = [
  ['recordDisplacementReport', 'displacement_report', () => report({ roundNumber: 7, roundName: 'Round 7' })],
  ['createReintegrationProgramme', 'reintegration_programme', () => programme({ code: 'RETRY1' })],
  ['registerReintegrationCase', 'reintegration_case', () => beneficiary(programmeId)],
  [
    'recordAwarenessSession',
    'awareness_session',
    () => ({
      kind: 'SOCIAL_COHESION',
      community: DEMO_COMMUNITIES.Ayorou,
      heldOn: daysAgo(3),
      participants: [{ sex: 'FEMALE', ageGroup: 'AGE_18_59', people: 12 }],
      topics: ['Living together'],
      facilitators: [OWNER],
    }),
  ],
  [
    'createTranshumanceCorridor',
    'transhumance_corridor',
    () => ({
      name: 'Retried corridor',
      formality: 'FORMAL',
      path: {
        coordinates: [
          [LONGITUDE, 14.6],
          [LONGITUDE, 13.6],
        ],
      },
      adminAreas: ['BF5602'],
    }),
  ],
  [
    'createSensitiveSpot',
    'sensitive_spot',
    () => ({ name: 'Retried well', kind: 'WATER_POINT', adminArea: 'BF5602', longitude: LONGITUDE, latitude: 14.3, corridor }),
  ],
  [
    'createCountingPoint',
    'counting_point',
    () => ({ name: 'Retried point', adminArea: 'BF5602', longitude: LONGITUDE, latitude: 14.4, corridor }),
  ],
  [
    'raiseTranshumanceAlert',
    'transhumance_alert',
    () => ({ kind: 'EVENT', severity: 'HIGH', summary: 'Herd in the fields at night', spot }),
  ],
];

describe('a create sent 50 times at once with one clientMutationId', () => {
  it.each(KEYED)('%s makes one record and every copy answers with it', async (name, table, inputFor) => {
    const input = { ...inputFor(), clientMutationId: `retry-${name}` };
    // A copy sent again afterwards answers the same, even though the input would now be refused.
    expect(await retriedCreate(50, () => send(name, input), name, { db: sub.db, table, clientMutationId: `retry-${name}` })).toEqual(
      answeredOnce(50),
    );
  });

  it('recordFlowObservations makes one batch and every copy answers with its observations', async () => {
    const FLOWS = `mutation ($input: RecordFlowObservationsInput!) { recordFlowObservations(input: $input) { observations { id } } }`;
    const observations = [1, 2, 3].map((h) => ({ countingPoint: point, observedAt: hoursAgo(h), direction: 'FORWARD', cattle: 10 * h }));
    const answers = await atOnce(50, () =>
      sub.owner<{ recordFlowObservations: { observations: { id: string }[] } }>(FLOWS, {
        input: { observations, clientMutationId: 'retry-flows' },
      }),
    );
    expect(answers.filter((a) => a.errors)).toEqual([]);
    expect(new Set(answers.map((a) => a.data!.recordFlowObservations.observations.map((o) => o.id).join()))).toEqual(
      new Set([answers[0]!.data!.recordFlowObservations.observations.map((o) => o.id).join()]),
    );
    expect(await rowsWithKey(sub.db, 'flow_observation_batch', 'retry-flows')).toBe(1);
    expect(await sub.rows('flow_observation')).toBe(3);
  });
});

describe('a round is recorded once per area', () => {
  it.each([2, 20])('of %i reports of one round at once, one is stored', async (together) => {
    const round = 10 + together;
    const { ids, refusals } = outcomes(
      await atOnce(together, (i) =>
        send('recordDisplacementReport', report({ roundNumber: round, roundName: `Round ${round} copy ${i}` })),
      ),
      'recordDisplacementReport',
    );
    expect(ids).toHaveLength(1);
    expect(refusals).toEqual(Array(together - 1).fill('BAD_USER_INPUT input.roundNumber'));
  });
});

describe('beneficiary codes of cases registered at once', () => {
  it('follow one another in the programme, none twice', async () => {
    const id = (await write(sub.owner, 'createReintegrationProgramme', { input: programme({ code: 'BURST' }) })).id;
    const REGISTER = `mutation ($input: RegisterReintegrationCaseInput!) { registerReintegrationCase(input: $input) { beneficiaryCode } }`;
    const answers = await atOnce(40, () =>
      sub.owner<{ registerReintegrationCase: { beneficiaryCode: string } }>(REGISTER, { input: beneficiary(id) }),
    );
    expect(answers.filter((a) => a.errors)).toEqual([]);
    const codes = answers.map((a) => a.data!.registerReintegrationCase.beneficiaryCode).sort();
    expect(codes).toEqual(Array.from({ length: 40 }, (_, i) => `BURST-${String(i + 1).padStart(4, '0')}`));
  });
});
