import { bearer, graphqlClient } from '@peacegraph/kit/testing';
import { ORGS, startPlatform, type PlatformUnderTest } from './support';

/**
 * A partner fixing a form learns all its mistakes from one answer: every create reports every problem
 * of its input at once (extensions.problems), the first as extensions.field, and writes nothing.
 */

let platform: PlatformUnderTest;
let writer: ReturnType<typeof graphqlClient>;

beforeAll(async () => {
  platform = await startPlatform();
  writer = graphqlClient(platform.gateway.url, {
    authorization: await bearer(ORGS.educators, 'mining:write curriculum:write displacement:write'),
  });
}, 120_000);

afterAll(async () => {
  await platform?.stop();
});

interface Refusal {
  message: string;
  extensions: { code: string; field: string; problems?: { field: string; message: string }[] };
}

async function refusal(query: string, variables: Record<string, unknown>): Promise<Refusal> {
  const response = await writer(query, variables);
  expect(response.errors).toHaveLength(1);
  return response.errors![0] as Refusal;
}

it.each([
  [
    'createMiningSite',
    'mutation($input: CreateMiningSiteInput!) { createMiningSite(input: $input) { id } }',
    { name: '\u200B ', community: '7d0f4e2a-4b1c-4c7e-9a55-3f1e2d3c4b5a', kind: 'INDUSTRIAL', minerals: ['GOLD', 'GOLD'] },
    ['input.minerals.1', 'input.operator', 'input.name'],
  ],
  [
    'createLegalInstrument',
    'mutation($input: CreateLegalInstrumentInput!) { createLegalInstrument(input: $input) { id } }',
    { title: '', kind: 'NATIONAL_MINING_CODE', year: 1800, shortTitle: 'x'.repeat(41) },
    ['input.country', 'input.title', 'input.shortTitle', 'input.year'],
  ],
  [
    'createModule',
    'mutation($input: CreateModuleInput!) { createModule(input: $input) { id } }',
    { title: '   ', edition: 'e'.repeat(41), summary: 's'.repeat(2001) },
    ['input.title', 'input.edition', 'input.summary'],
  ],
])('%s lists every problem of its input and writes nothing', async (_, query, input, fields) => {
  const before = await Promise.all([
    platform.mining.allRows(),
    platform.curriculum.db.dataSource.query('SELECT count(*)::int AS n FROM module'),
  ]);
  const { message, extensions } = await refusal(query, { input });
  expect(extensions.code).toBe('BAD_USER_INPUT');
  expect(extensions.problems!.map((p) => p.field)).toEqual(fields);
  expect(extensions.field).toBe(fields[0]);
  expect(message).toMatch(new RegExp(`^${fields.length} problems in the input: `));
  for (const problem of extensions.problems!) expect(message).toContain(`${problem.field}: ${problem.message}`);
  expect(
    await Promise.all([platform.mining.allRows(), platform.curriculum.db.dataSource.query('SELECT count(*)::int AS n FROM module')]),
  ).toEqual(before);
});

it('keeps a single problem as the one refusal it always was', async () => {
  const { message, extensions } = await refusal('mutation($input: CreateModuleInput!) { createModule(input: $input) { id } }', {
    input: { title: 'Peace and Security', edition: '' },
  });
  expect(extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.edition', serviceName: 'curriculum' });
  expect(message).toBe('The edition cannot be empty');
});

it('refuses control characters in every string of an input at once, naming each', async () => {
  const { extensions } = await refusal('mutation($input: CreateModuleInput!) { createModule(input: $input) { id } }', {
    input: { title: 'Peace\u0000', edition: '2\u001B', summary: 'half \uD800 pair' },
  });
  expect(extensions.problems!.map((p) => p.field)).toEqual(['input.title', 'input.edition', 'input.summary']);
  expect(extensions.problems![0]!.message).toMatch(/U\+0000 \(NUL\)/);
});
