import { answeredOnce, atOnce, outcomes, retriedCreate } from '@peacegraph/kit/testing';
import { startDirectory, type DirectoryUnderTest } from '../../test/support';

/**
 * Writes that arrive at the same instant, over HTTP: copies of one keyed createCommunity make one
 * community and all answer with it; one name per admin area however many arrive at once.
 */
let directory: DirectoryUnderTest;
beforeAll(async () => {
  directory = await startDirectory();
});
afterAll(() => directory.stop());

const CREATE = `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`;
const send = (input: Record<string, unknown>) => directory.writer(CREATE, { input });

describe('createCommunity sent many times at once with one clientMutationId', () => {
  it.each([
    [2, 'Kalana'],
    [20, 'Nampala'],
    [50, 'Yanfolila'],
  ])('%i copies make one community (%s) and every copy answers with it', async (copies, name) => {
    const input = { name, adminArea: 'ML0306', languages: ['bam'], clientMutationId: `retry-${name}` };
    expect(
      await retriedCreate(copies, () => send(input), 'createCommunity', {
        db: directory.db,
        table: 'community',
        clientMutationId: `retry-${name}`,
      }),
    ).toEqual(answeredOnce(copies));
  });
});

describe('one community of a name per admin area', () => {
  it.each([2, 20, 40])('of %i communities of one name created at once, one is stored', async (together) => {
    const name = `Bougouni ${together}`;
    const { ids, refusals } = outcomes(
      await atOnce(together, (i) => send({ name, adminArea: 'ML0304', focalPoint: `Chief ${i}` })),
      'createCommunity',
    );
    expect(ids).toHaveLength(1);
    expect(refusals).toEqual(Array(together - 1).fill('BAD_USER_INPUT input.name'));
  });
});
