import { periodsOf } from './statistics.service';

describe('implementation periods', () => {
  it('starts at the beginning of the first period and ends the last one at `to`', () => {
    expect(periodsOf('QUARTER', '2025-11-20', '2026-05-10')).toEqual([
      { starts: '2025-10-01', ends: '2025-12-31', label: '2025-Q4' },
      { starts: '2026-01-01', ends: '2026-03-31', label: '2026-Q1' },
      { starts: '2026-04-01', ends: '2026-05-10', label: '2026-Q2' },
    ]);
    expect(periodsOf('YEAR', '2025-03-01', '2026-12-31').map((p) => [p.label, p.ends])).toEqual([
      ['2025', '2025-12-31'],
      ['2026', '2026-12-31'],
    ]);
    expect(periodsOf('MONTH', '2026-01-31', '2026-03-01').map((p) => [p.label, p.ends])).toEqual([
      ['2026-01', '2026-01-31'],
      ['2026-02', '2026-02-28'],
      ['2026-03', '2026-03-01'],
    ]);
  });
});
