import { discloseHeadcounts, discloseParticipants } from './disclosure';

const hidden = { count: null, suppressed: true };
const shown = (count: number) => ({ count, suppressed: false });

describe('participants as other partners see them', () => {
  const groups = [
    { stakeholderGroup: 'COMMUNITY_LEADERS' as const, women: 3, men: 14 },
    { stakeholderGroup: 'WOMEN' as const, women: 12, men: 0 },
    { stakeholderGroup: 'YOUTH' as const, women: 6, men: 9 },
  ];

  it('are exact for the owner', () => {
    const owner = discloseParticipants(groups, 44, true);
    expect(owner.byGroup[0]).toEqual({ stakeholderGroup: 'COMMUNITY_LEADERS', women: shown(3), men: shown(14), total: shown(17) });
    expect([owner.women, owner.men, owner.total]).toEqual([shown(21), shown(23), shown(44)]);
  });

  it('withhold 3 women leaders, and a second cell so that neither the leaders’ total nor the women’s total gives them away', () => {
    const other = discloseParticipants(groups, 44, false);
    expect(other.exact).toBe(false);
    expect(other.byGroup[0]!.women).toEqual(hidden);
    // The leaders' line (3 + 14 = 17) would give the 3 away: the 14 goes too.
    expect(other.byGroup[0]!.men).toEqual(hidden);
    expect(other.byGroup[0]!.total).toEqual(shown(17));
    // The women's column (3 + 12 + 6 = 21): one more withheld cell in it.
    expect([other.byGroup[1]!.women, other.byGroup[2]!.women].filter((c) => c.suppressed)).toHaveLength(1);
    expect(other.total).toEqual(shown(44));
  });

  it('show a total without groups as people not broken down', () => {
    expect(discloseParticipants([], 40, false)).toMatchObject({
      byGroup: [],
      notBrokenDown: shown(40),
      total: shown(40),
      women: shown(0),
      men: shown(0),
    });
    expect(discloseParticipants([], 3, false)).toMatchObject({ notBrokenDown: hidden, total: hidden });
  });
});

describe('headcounts of groups that add up to a total', () => {
  it('protect each group’s and each column’s line', () => {
    const { groups, total } = discloseHeadcounts(
      [
        { women: 20, men: 30, notBrokenDown: 0 },
        { women: 2, men: 25, notBrokenDown: 0 },
        { women: 0, men: 0, notBrokenDown: 40 },
      ],
      false,
    );
    expect(groups[1]!.women).toEqual(hidden);
    expect(groups[1]!.men).toEqual(hidden);
    expect(groups[2]!.notBrokenDown).toEqual(shown(40));
    expect(total.total).toEqual(shown(117));
    expect(total.women).toEqual(shown(22));
  });
});
