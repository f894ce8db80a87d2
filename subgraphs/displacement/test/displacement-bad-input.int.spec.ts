import { daysAgo } from './fixtures';
import { DEMO_COMMUNITIES, ECOWAS_COMMISSION, OWNER, startDisplacement, type DisplacementUnderTest } from './support';
import { beneficiary, M, programme, report, write, type Written } from './displacement-world';

let sub: DisplacementUnderTest;
let world: { report: Written; programme: Written; ended: Written; registered: Written; closed: Written; session: Written };

const UNKNOWN = '00000000-0000-4000-8000-00000000dead';
const TOMORROW = daysAgo(-1);
const session = (over: Record<string, unknown> = {}) => ({
  kind: 'SOCIAL_COHESION',
  community: DEMO_COMMUNITIES.Ayorou,
  heldOn: daysAgo(3),
  participants: [{ sex: 'FEMALE', ageGroup: 'AGE_18_59', people: 12 }],
  topics: ['Living together'],
  facilitators: [OWNER],
  ...over,
});

beforeAll(async () => {
  sub = await startDisplacement();
  const made = await write(sub.owner, 'createReintegrationProgramme', { input: programme() });
  const ended = await write(sub.owner, 'createReintegrationProgramme', {
    input: programme({ code: 'ENDED', startsOn: daysAgo(300), endsOn: daysAgo(100) }),
  });
  const registered = await write(sub.owner, 'registerReintegrationCase', { input: beneficiary(made.id, { registeredOn: daysAgo(50) }) });
  const other = await write(sub.owner, 'registerReintegrationCase', { input: beneficiary(made.id) });
  const assisted = await write(sub.owner, 'recordReintegrationAssistance', {
    id: other.id,
    version: other.version,
    input: { kind: 'HEALTH', startedOn: daysAgo(150) },
  });
  const closed = await write(sub.owner, 'changeReintegrationCaseStatus', {
    id: other.id,
    version: assisted.version,
    input: { status: 'REINTEGRATED', on: daysAgo(30) },
  });
  world = {
    report: await write(sub.owner, 'recordDisplacementReport', { input: report() }),
    programme: made,
    ended,
    registered,
    closed,
    session: await write(sub.owner, 'recordAwarenessSession', { input: session() }),
  };
}, 180_000);
afterAll(() => sub?.stop());

type Case = [name: string, mutation: keyof typeof M, variables: () => Record<string, unknown>, field: string];
const update = (id: () => Written, input: Record<string, unknown>) => () => ({ id: id().id, version: id().version, input });

const CASES: Case[] = [
  [
    'a report for an unknown area',
    'recordDisplacementReport',
    () => ({ input: report({ adminArea: 'BF5699', roundNumber: 2 }) }),
    'input.adminArea',
  ],
  ['round zero', 'recordDisplacementReport', () => ({ input: report({ roundNumber: 0 }) }), 'input.roundNumber'],
  ['the same area and round twice', 'recordDisplacementReport', () => ({ input: report() }), 'input.roundNumber'],
  ['data dated tomorrow', 'recordDisplacementReport', () => ({ input: report({ roundNumber: 3, dataDate: TOMORROW }) }), 'input.dataDate'],
  ['negative IDPs', 'recordDisplacementReport', () => ({ input: report({ roundNumber: 3, idpIndividuals: -1 }) }), 'input.idpIndividuals'],
  [
    'more households than people',
    'recordDisplacementReport',
    () => ({ input: report({ roundNumber: 3, idpHouseholds: 1201 }) }),
    'input.idpHouseholds',
  ],
  [
    'sex and age that do not add up',
    'recordDisplacementReport',
    () => ({ input: report({ roundNumber: 3, idpIndividuals: 1300 }) }),
    'input.idpsBySexAndAge',
  ],
  [
    'reasons that do not add up',
    'recordDisplacementReport',
    () => ({ input: report({ roundNumber: 3, reasons: [{ reason: 'CONFLICT', individuals: 1000 }] }) }),
    'input.reasons',
  ],
  [
    'more people by origin than IDPs',
    'recordDisplacementReport',
    () => ({ input: report({ roundNumber: 3, origins: [{ adminArea: 'BF5603', individuals: 1201 }] }) }),
    'input.origins',
  ],
  [
    'an origin the directory does not know',
    'recordDisplacementReport',
    () => ({ input: report({ roundNumber: 3, origins: [{ adminArea: 'ML9999', individuals: 10 }] }) }),
    'input.origins.0.adminArea',
  ],
  [
    'returnee households without returnees',
    'recordDisplacementReport',
    () => ({ input: report({ roundNumber: 3, returneeIndividuals: null }) }),
    'input.returneeHouseholds',
  ],
  [
    'IDPs changed without their breakdown',
    'updateDisplacementReport',
    update(() => world.report, { idpIndividuals: 1300 }),
    'input.idpIndividuals',
  ],
  ['IDPs removed', 'updateDisplacementReport', update(() => world.report, { idpIndividuals: null }), 'input.idpIndividuals'],
  ['an update dated tomorrow', 'updateDisplacementReport', update(() => world.report, { dataDate: TOMORROW }), 'input.dataDate'],
  ['a programme code with small letters', 'createReintegrationProgramme', () => ({ input: programme({ code: 'cvr-1' }) }), 'input.code'],
  ['a programme code taken', 'createReintegrationProgramme', () => ({ input: programme() }), 'input.code'],
  [
    'a programme without areas',
    'createReintegrationProgramme',
    () => ({ input: programme({ code: 'NEW', adminAreas: [] }) }),
    'input.adminAreas',
  ],
  [
    'an area the directory does not know',
    'createReintegrationProgramme',
    () => ({ input: programme({ code: 'NEW', adminAreas: ['BF56', 'NE999'] }) }),
    'input.adminAreas.1',
  ],
  [
    'an area twice',
    'createReintegrationProgramme',
    () => ({ input: programme({ code: 'NEW', adminAreas: ['BF56', 'BF56'] }) }),
    'input.adminAreas.1',
  ],
  [
    'a programme that ends before it starts',
    'createReintegrationProgramme',
    () => ({ input: programme({ code: 'NEW', endsOn: daysAgo(500) }) }),
    'input.endsOn',
  ],
  ['a blank name', 'updateReintegrationProgramme', update(() => world.programme, { name: '  ' }), 'input.name'],
  [
    'a start moved once cases are registered',
    'updateReintegrationProgramme',
    update(() => world.programme, { startsOn: daysAgo(10) }),
    'input.startsOn',
  ],
  ['an unknown programme', 'registerReintegrationCase', () => ({ input: beneficiary(UNKNOWN) }), 'input.programme'],
  [
    'a child registered as a former combatant',
    'registerReintegrationCase',
    () => ({ input: beneficiary(world.programme.id, { ageGroup: 'AGE_15_17' }) }),
    'input.category',
  ],
  [
    'a registration tomorrow',
    'registerReintegrationCase',
    () => ({ input: beneficiary(world.programme.id, { registeredOn: TOMORROW }) }),
    'input.registeredOn',
  ],
  [
    'a registration before the programme',
    'registerReintegrationCase',
    () => ({ input: beneficiary(world.programme.id, { registeredOn: daysAgo(401) }) }),
    'input.registeredOn',
  ],
  [
    'a registration after the programme ended',
    'registerReintegrationCase',
    () => ({ input: beneficiary(world.ended.id, { registeredOn: daysAgo(50) }) }),
    'input.registeredOn',
  ],
  [
    'a region instead of an admin-2 area',
    'registerReintegrationCase',
    () => ({ input: beneficiary(world.programme.id, { adminArea: 'BF56' }) }),
    'input.adminArea',
  ],
  [
    'an area outside the programme',
    'registerReintegrationCase',
    () => ({ input: beneficiary(world.programme.id, { adminArea: 'ML0504' }) }),
    'input.adminArea',
  ],
  [
    'a community outside the area',
    'registerReintegrationCase',
    () => ({ input: beneficiary(world.programme.id, { community: DEMO_COMMUNITIES.Djibo }) }),
    'input.community',
  ],
  [
    'assistance tomorrow',
    'recordReintegrationAssistance',
    update(() => world.registered, { kind: 'HEALTH', startedOn: TOMORROW }),
    'input.startedOn',
  ],
  [
    'assistance before registration',
    'recordReintegrationAssistance',
    update(() => world.registered, { kind: 'HEALTH', startedOn: daysAgo(60) }),
    'input.startedOn',
  ],
  [
    'assistance that ends before it starts',
    'recordReintegrationAssistance',
    update(() => world.registered, { kind: 'HEALTH', startedOn: daysAgo(20), endedOn: daysAgo(25) }),
    'input.endedOn',
  ],
  [
    'assistance to a closed case',
    'recordReintegrationAssistance',
    update(() => world.closed, { kind: 'HEALTH', startedOn: daysAgo(5) }),
    'id',
  ],
  [
    'reintegrated without assistance',
    'changeReintegrationCaseStatus',
    update(() => world.registered, { status: 'REINTEGRATED', on: daysAgo(5) }),
    'input.status',
  ],
  [
    'a closed case reopened',
    'changeReintegrationCaseStatus',
    update(() => world.closed, { status: 'IN_ASSISTANCE', on: daysAgo(5) }),
    'input.status',
  ],
  [
    'a change before the last one',
    'changeReintegrationCaseStatus',
    update(() => world.registered, { status: 'DROPPED_OUT', on: daysAgo(51) }),
    'input.on',
  ],
  ['a session tomorrow', 'recordAwarenessSession', () => ({ input: session({ heldOn: TOMORROW }) }), 'input.heldOn'],
  ['a session in an unknown community', 'recordAwarenessSession', () => ({ input: session({ community: UNKNOWN }) }), 'input.community'],
  ['the same session twice', 'recordAwarenessSession', () => ({ input: session() }), 'input.heldOn'],
  [
    'nobody at the session',
    'recordAwarenessSession',
    () => ({ input: session({ heldOn: daysAgo(4), participants: [] }) }),
    'input.participants',
  ],
  [
    'a group twice',
    'recordAwarenessSession',
    () => ({
      input: session({
        heldOn: daysAgo(4),
        participants: [
          { sex: 'MALE', ageGroup: 'AGE_6_17', people: 3 },
          { sex: 'MALE', ageGroup: 'AGE_6_17', people: 3 },
        ],
      }),
    }),
    'input.participants.1',
  ],
  [
    'a facilitator the directory does not know',
    'recordAwarenessSession',
    () => ({ input: session({ heldOn: daysAgo(4), facilitators: [OWNER, UNKNOWN] }) }),
    'input.facilitators.1',
  ],
  ['no facilitator', 'recordAwarenessSession', () => ({ input: session({ heldOn: daysAgo(4), facilitators: [] }) }), 'input.facilitators'],
  [
    'negative participants',
    'updateAwarenessSession',
    update(() => world.session, { participants: [{ sex: 'FEMALE', ageGroup: 'AGE_18_59', people: -2 }] }),
    'input.participants.0.people',
  ],
  [
    'a facilitator twice',
    'updateAwarenessSession',
    update(() => world.session, { facilitators: [ECOWAS_COMMISSION, ECOWAS_COMMISSION] }),
    'input.facilitators.1',
  ],
];

describe('bad input: BAD_USER_INPUT naming the field, in plain words, and nothing written', () => {
  it('covers every mutation of the half', () => {
    expect(new Set(CASES.map(([, mutation]) => mutation))).toEqual(new Set(Object.keys(M)));
  });

  it.each(CASES)('%s (%s)', async (_name, mutation, variables, field) => {
    const before = await sub.allRows();
    const { data, errors } = await sub.owner(M[mutation], variables());
    expect(data?.[mutation] ?? null).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(errors![0]!.message).not.toMatch(/SELECT |INSERT INTO|UPDATE \w+ SET|violates|constraint|relation "/);
    expect(await sub.allRows()).toEqual(before);
  });
});
