import { refusalOf } from '@peacegraph/kit/testing';
import { readKnowledgeAssessment, readParticipants, type Participants } from './participants.rules';

describe('participants', () => {
  it('keeps groups in the order of the stakeholder groups, and their sum as the total', () => {
    expect(
      readParticipants('input.participants', {
        byGroup: [
          { stakeholderGroup: 'YOUTH', women: 2, men: 3 },
          { stakeholderGroup: 'CIVIL_SOCIETY', women: 1, men: 0 },
        ],
      }),
    ).toEqual({
      groups: [
        { stakeholderGroup: 'CIVIL_SOCIETY', women: 1, men: 0 },
        { stakeholderGroup: 'YOUTH', women: 2, men: 3 },
      ],
      total: 6,
    });
  });

  it('accepts a total alone, and groups with the total they add up to', () => {
    expect(readParticipants('p', { total: 68 })).toEqual({ groups: [], total: 68 });
    expect(readParticipants('p', { byGroup: [{ stakeholderGroup: 'MEDIA', women: 4, men: 7 }], total: 11 }).total).toBe(11);
  });

  it('refuses groups that do not add up to the total, naming both', () => {
    expect(
      refusalOf(() => readParticipants('input.participants', { byGroup: [{ stakeholderGroup: 'MEDIA', women: 4, men: 7 }], total: 12 })),
    ).toEqual({
      field: 'input.participants.total',
      message: 'The groups add up to 11 participants, not 12',
    });
  });

  it.each([
    [{}, 'input.participants', 'Count the participants: by stakeholder group and sex, or in total'],
    [{ total: 0 }, 'input.participants.total', 'Count at least one participant'],
    [
      { byGroup: [{ stakeholderGroup: 'WOMEN', women: 5, men: 1 }] },
      'input.participants.byGroup.0.men',
      expect.stringMatching(/women's associations are women/),
    ],
    [
      { byGroup: [{ stakeholderGroup: 'YOUTH', women: 0, men: 0 }] },
      'input.participants.byGroup.0',
      'Nobody is counted for youth associations: leave the group out',
    ],
    [
      { byGroup: [{ stakeholderGroup: 'YOUTH', women: -1, men: 3 }] },
      'input.participants.byGroup.0.women',
      'The number of women among youth associations cannot be negative (got -1)',
    ],
    [
      { byGroup: [{ stakeholderGroup: 'YOUTH', women: 1.5, men: 3 }] },
      'input.participants.byGroup.0.women',
      'The number of women among youth associations must be a whole number',
    ],
    [
      {
        byGroup: [
          { stakeholderGroup: 'MEDIA', women: 1, men: 1 },
          { stakeholderGroup: 'MEDIA', women: 2, men: 0 },
        ],
      },
      'input.participants.byGroup.1.stakeholderGroup',
      'media are listed twice',
    ],
    [{ total: 10_001 }, 'input.participants.total', 'The number of participants cannot be more than 10000 (got 10001)'],
  ])('refuses %j', (input, field, message) => {
    expect(refusalOf(() => readParticipants('input.participants', input as never))).toEqual({ field, message });
  });
});

describe('knowledge scores', () => {
  const participants: Participants = {
    groups: [
      { stakeholderGroup: 'COMMUNITY_LEADERS', women: 3, men: 14 },
      { stakeholderGroup: 'WOMEN', women: 12, men: 0 },
    ],
    total: 29,
  };
  const scores = (byGroup: unknown[], scale = { scaleMin: 0, scaleMax: 20 }) => ({ ...scale, byGroup }) as never;

  it('keeps the scale and each group assessed', () => {
    const read = readKnowledgeAssessment(
      'k',
      scores([{ stakeholderGroup: 'WOMEN', assessed: 10, meanPreScore: 6, meanPostScore: 13.5 }]),
      participants,
    );
    expect(read.scaleMax).toBe(20);
    expect([...read.groups]).toEqual([['WOMEN', { assessed: 10, meanPreScore: 6, meanPostScore: 13.5 }]]);
  });

  it.each([
    [
      scores([{ stakeholderGroup: 'WOMEN', assessed: 10, meanPreScore: 6, meanPostScore: 21 }]),
      'k.byGroup.0.meanPostScore',
      'The mean score after 21 is outside the scale of the test (0 to 20)',
    ],
    [
      scores([{ stakeholderGroup: 'WOMEN', assessed: 10, meanPreScore: -1, meanPostScore: 12 }]),
      'k.byGroup.0.meanPreScore',
      'The mean score before -1 is outside the scale of the test (0 to 20)',
    ],
    [
      scores([{ stakeholderGroup: 'WOMEN', assessed: 13, meanPreScore: 6, meanPostScore: 12 }]),
      'k.byGroup.0.assessed',
      "13 women's associations assessed, but 12 took part",
    ],
    [
      scores([{ stakeholderGroup: 'WOMEN', assessed: 0, meanPreScore: 6, meanPostScore: 12 }]),
      'k.byGroup.0.assessed',
      "Assess at least one of the women's associations (got 0)",
    ],
    [
      scores([{ stakeholderGroup: 'MEDIA', assessed: 2, meanPreScore: 6, meanPostScore: 12 }]),
      'k.byGroup.0.stakeholderGroup',
      'No media are counted among the participants',
    ],
    [scores([], { scaleMin: 20, scaleMax: 20 }), 'k.scaleMax', 'The highest score (20) must be above the lowest (20)'],
    [scores([]), 'k.byGroup', 'Give the scores of at least one stakeholder group'],
  ])('refuses %#', (input, field, message) => {
    expect(refusalOf(() => readKnowledgeAssessment('k', input, participants))).toEqual({ field, message });
  });

  it('needs participants broken down by group', () => {
    expect(
      refusalOf(() =>
        readKnowledgeAssessment('k', scores([{ stakeholderGroup: 'WOMEN', assessed: 1, meanPreScore: 1, meanPostScore: 2 }]), {
          groups: [],
          total: 40,
        }),
      ),
    ).toEqual({
      field: 'k.byGroup',
      message: 'Scores are kept per stakeholder group: count the participants by group first',
    });
  });
});
