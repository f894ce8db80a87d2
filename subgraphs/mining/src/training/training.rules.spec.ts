import { problemsIn, refusalOf } from '@peacegraph/kit/testing';
import type { RecordMiningTrainingInput } from '../generated/resolvers';
import { MAX_TRAINERS, trainersToAsk, trainingValues } from './training.rules';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

describe('training rules', () => {
  it('accepts a good training and its trainers', () => {
    const input = {
      title: 'The mining code in practice',
      kind: 'TECHNICAL',
      startsOn: '2024-03-04',
      endsOn: '2024-03-05',
      trainers: [A],
      participants: { total: 20 },
    } as unknown as RecordMiningTrainingInput;
    expect(trainingValues(input, null)).toMatchObject({
      title: 'The mining code in practice',
      startsOn: '2024-03-04',
      endsOn: '2024-03-05',
    });
    expect(trainersToAsk([A, B])).toEqual([A, B]);
  });

  it('refuses every null required field at once', () => {
    const input = { title: null, trainers: null, participants: null } as unknown as RecordMiningTrainingInput;
    expect(problemsIn(() => trainingValues(input, null))).toEqual([
      ['input.title', 'A training needs its title'],
      ['input.trainers', 'A training needs its trainers'],
      ['input.participants', 'A training needs its participants'],
    ]);
  });

  it('wants at least one trainer', () => {
    const refusal = { field: 'input.trainers', message: 'Name at least one organisation that gave the training' };
    expect(refusalOf(() => trainersToAsk([]))).toEqual(refusal);
    expect(refusalOf(() => trainersToAsk(null))).toEqual(refusal);
    expect(refusalOf(() => trainersToAsk(undefined))).toEqual(refusal);
  });

  it('refuses a trainer listed twice, naming where', () => {
    expect(problemsIn(() => trainersToAsk([A, B, A]))).toEqual([['input.trainers.2', `Organisation ${A} is listed twice`]]);
  });

  it(`wants at most ${MAX_TRAINERS} trainers, a repeat refused first`, () => {
    const many = Array.from({ length: MAX_TRAINERS + 1 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    expect(trainersToAsk(many.slice(0, MAX_TRAINERS))).toHaveLength(MAX_TRAINERS);
    expect(refusalOf(() => trainersToAsk(many))).toEqual({ field: 'input.trainers', message: `At most ${MAX_TRAINERS} organisations` });
    expect(refusalOf(() => trainersToAsk([...many, A, A])).field).toBe(`input.trainers.${MAX_TRAINERS + 2}`);
  });
});
