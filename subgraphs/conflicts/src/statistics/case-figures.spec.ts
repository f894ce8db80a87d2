import { ALL_TIME, figureDeltas, type CountedCase } from './case-figures';

const kase: CountedCase = {
  countryCode: 'ML',
  adminPcode: 'ML0306',
  admin1Pcode: 'ML03',
  admin2Pcode: 'ML0306',
  ownerOrg: '00000000-0000-4000-8000-000000000003',
  reportedOn: '2026-01-30',
  status: 'UNDER_MEDIATION',
  resolvedOn: null,
  everRelapsed: false,
};

describe('the rollup rows a write changes', () => {
  it('adds a new case to its report month and to all time', () => {
    const deltas = figureDeltas(null, kase);
    expect(deltas.map((d) => [d.month, d.resolutionDays, d.reported, d.open, d.resolved])).toEqual([
      ['2026-01-01', null, 1, 1, 0],
      [ALL_TIME, null, 1, 1, 0],
    ]);
  });

  it('moves a resolved case to its day count, across a month end', () => {
    const resolved = { ...kase, status: 'RESOLVED' as const, resolvedOn: '2026-03-02' };
    const deltas = figureDeltas(kase, resolved);
    expect(deltas.filter((d) => d.month === ALL_TIME).map((d) => [d.resolutionDays, d.reported, d.open, d.resolved])).toEqual([
      [null, -1, -1, 0],
      [31, 1, 0, 1],
    ]);
    expect(deltas).toHaveLength(4);
  });

  it('changes nothing between two open statuses, and takes a removed case away', () => {
    expect(figureDeltas(kase, { ...kase, status: 'RELAPSED' })).toEqual([]);
    expect(figureDeltas({ ...kase, status: 'RELAPSED' }, { ...kase, status: 'RELAPSED', everRelapsed: true })).toHaveLength(2);
    expect(figureDeltas(kase, null).map((d) => d.reported)).toEqual([-1, -1]);
  });

  it('refuses a status no figure counts', () => {
    expect(() => figureDeltas(null, { ...kase, status: 'LOST' as never })).toThrow('Status LOST is in no group of the figures');
  });
});
