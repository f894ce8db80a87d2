import { discloseHeadcount, discloseHeadcounts } from './disclosure';
import type { Headcount } from './headcount';

const headcount = (values: Partial<Headcount>): Headcount => ({
  femaleChildren: 0,
  femaleYouth: 0,
  femaleAdults: 0,
  maleChildren: 0,
  maleYouth: 0,
  maleAdults: 0,
  ...values,
});

describe('counts of people as a caller may see them', () => {
  it('are exact for the owner', () => {
    const owner = discloseHeadcount(headcount({ femaleAdults: 10, femaleYouth: 2 }), true);
    expect(owner.exact).toBe(true);
    expect(owner.bySexAndAgeGroup.find((c) => c.sex === 'FEMALE' && c.ageGroup === 'YOUTH')).toEqual({
      sex: 'FEMALE',
      ageGroup: 'YOUTH',
      count: 2,
      suppressed: false,
    });
    expect(owner.bySex).toEqual([
      { sex: 'FEMALE', count: 12, suppressed: false },
      { sex: 'MALE', count: 0, suppressed: false },
    ]);
  });

  it('withhold a small cell, a second one so the total cannot give it away, and every subtotal holding one', () => {
    const other = discloseHeadcount(headcount({ femaleAdults: 10, femaleYouth: 2, maleAdults: 7 }), false);
    const hidden = other.bySexAndAgeGroup.filter((c) => c.suppressed).map((c) => `${c.sex} ${c.ageGroup}`);
    expect(hidden).toEqual(['FEMALE YOUTH', 'MALE ADULTS']);
    expect(other.total).toEqual({ count: 19, suppressed: false });
    expect(other.bySex.map((s) => s.suppressed)).toEqual([true, true]);
    expect(other.byAgeGroup).toEqual([
      { ageGroup: 'CHILDREN', count: 0, suppressed: false },
      { ageGroup: 'YOUTH', count: null, suppressed: true },
      { ageGroup: 'ADULTS', count: null, suppressed: true },
    ]);
  });

  it('protect each group against the overall figures when grouped', () => {
    const { groups, overall } = discloseHeadcounts(
      [headcount({ femaleAdults: 3, maleAdults: 9 }), headcount({ femaleAdults: 8, maleAdults: 6 })],
      false,
    );
    // 3 women in the first group: withheld, and so are the 8 of the second (else 11 − 8 gives 3 back).
    expect(groups[0]!.bySexAndAgeGroup.find((c) => c.sex === 'FEMALE' && c.ageGroup === 'ADULTS')!.suppressed).toBe(true);
    expect(groups[1]!.bySexAndAgeGroup.find((c) => c.sex === 'FEMALE' && c.ageGroup === 'ADULTS')!.suppressed).toBe(true);
    expect(overall.total).toEqual({ count: 26, suppressed: false });
  });

  it('show zero: it names nobody', () => {
    expect(discloseHeadcount(headcount({ maleAdults: 30 }), false).bySexAndAgeGroup.every((c) => !c.suppressed)).toBe(true);
  });
});
