import { refusalOf } from '@peacegraph/kit/testing';
import { problemsIn } from '@peacegraph/kit/testing';
import type { AwarenessSession } from './awareness.entity';
import { readFacilitators, sessionValues } from './awareness.rules';
import type { UpdateAwarenessSessionInput } from '../generated/resolvers';

const good: UpdateAwarenessSessionInput = {
  kind: 'SOCIAL_COHESION',
  heldOn: '2024-05-02',
  participants: [
    { sex: 'FEMALE', ageGroup: 'AGE_18_59', people: 12 },
    { sex: 'MALE', ageGroup: 'AGE_18_59', people: 9 },
  ],
  topics: ['Sharing water points'],
  facilitators: ['org-1'],
};

describe('awareness session rules', () => {
  it('accepts a good session, totalling its participants', () => {
    expect(sessionValues(good, null)).toEqual({
      kind: 'SOCIAL_COHESION',
      heldOn: '2024-05-02',
      participants: good.participants,
      participantsTotal: 21,
      topics: ['Sharing water points'],
    });
    expect(readFacilitators(['org-1', 'org-2'])).toEqual(['org-1', 'org-2']);
  });

  it('refuses every null required field at once', () => {
    expect(problemsIn(() => sessionValues({ kind: null, heldOn: null, participants: null, facilitators: null }, null))).toEqual([
      ['input.kind', expect.any(String)],
      ['input.heldOn', expect.any(String)],
      ['input.participants', expect.any(String)],
      ['input.facilitators', expect.any(String)],
    ]);
  });

  it('reports bad participants, a future date and bad topics together', () => {
    const input = {
      ...good,
      heldOn: '2999-01-01',
      participants: [{ sex: 'OTHER', ageGroup: 'AGE_18_59', people: 3 }],
      topics: [''],
    } as unknown as UpdateAwarenessSessionInput;
    expect(problemsIn(() => sessionValues(input, null)).map(([field]) => field)).toEqual([
      'input.participants.0.sex',
      'input.heldOn',
      expect.stringMatching(/^input\.topics/),
    ]);
  });

  it('keeps what an update leaves out', () => {
    const current = { ...good, participantsTotal: 21, topics: ['Old'] } as unknown as AwarenessSession;
    expect(sessionValues({ heldOn: '2024-06-01' }, current)).toMatchObject({
      heldOn: '2024-06-01',
      participantsTotal: 21,
      topics: ['Old'],
    });
  });

  it('wants one to ten facilitating organisations, each once', () => {
    expect(refusalOf(() => readFacilitators([]))).toEqual({
      field: 'input.facilitators',
      message: 'Name the organisation that facilitated the session',
    });
    expect(refusalOf(() => readFacilitators(Array.from({ length: 11 }, (_, i) => `org-${i}`))).message).toBe(
      'At most 10 facilitating organisations',
    );
    expect(refusalOf(() => readFacilitators(['org-1', 'org-2', 'org-1']))).toEqual({
      field: 'input.facilitators.2',
      message: 'This organisation is listed twice',
    });
  });
});
