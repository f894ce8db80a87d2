import { MAX_FORUM_DAYS, forumDates } from './forum.rules';

describe("a forum's dates", () => {
  it(`takes up to ${MAX_FORUM_DAYS} days after the first, at the ends of the calendar too`, () => {
    for (const [startsOn, endsOn] of [
      ['2025-01-01', '2025-02-01'],
      ['9999-12-01', '9999-12-31'],
      ['0001-01-01', '0001-02-01'],
    ] as const) {
      expect(forumDates(startsOn, endsOn, 'input')).toEqual({ startsOn, endsOn });
    }
  });

  it('refuses a forum longer than that, or ending before it starts, naming the field', () => {
    for (const [startsOn, endsOn] of [
      ['2025-01-01', '2025-02-02'],
      ['9999-11-29', '9999-12-31'],
      ['2025-01-02', '2025-01-01'],
    ] as const) {
      expect(() => forumDates(startsOn, endsOn, 'input.endsOn')).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ field: 'input.endsOn' }) }),
      );
    }
  });
});
