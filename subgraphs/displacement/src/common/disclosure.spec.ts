import { discloseTable } from '@peacegraph/kit/disclosure';
import { discloseOne } from './disclosure';

describe('discloseOne', () => {
  it('gives what the kit gives a one-cell table, for the owner and for everyone else', () => {
    for (const exact of [true, false]) {
      for (let value = 0; value <= 12; value++) {
        expect({ value, exact, shown: discloseOne(value, exact) }).toEqual({
          value,
          exact,
          shown: discloseTable([[value]], { exact }).cells[0]![0],
        });
      }
    }
    expect(discloseOne(3, false)).toEqual({ count: null, suppressed: true });
    expect(discloseOne(5, false)).toEqual({ count: 5, suppressed: false });
    expect(discloseOne(0, false)).toEqual({ count: 0, suppressed: false });
    expect(discloseOne(3, true)).toEqual({ count: 3, suppressed: false });
  });
});
