/**
 * Periods at the ends of the calendar the API takes, for the tests that compare a rollup's answer with
 * the raw computation: the day after 9999-12-31 and its month are in year 10000, years 0–99 are where
 * Date.UTC reads 1900–1999, and year 1000 is where a year's digits change. Inside one month, on a
 * month's last day, and open at either end. Each subgraph names `from` and `to` in its own words.
 */
export const CALENDAR_EDGE_PERIODS: readonly { from?: string; to?: string }[] = [
  { from: '0001-01-01', to: '9999-12-31' },
  { to: '9999-12-31' },
  { from: '9999-12-31' },
  { from: '9999-12-31', to: '9999-12-31' },
  { from: '9999-12-15', to: '9999-12-31' },
  { from: '9999-12-01', to: '9999-12-31' },
  { from: '9999-11-30' },
  { from: '0001-01-01', to: '0001-01-31' },
  { from: '0001-01-02', to: '0050-03-10' },
  { from: '0050-02-15', to: '2024-12-31' },
  { from: '0999-12-31', to: '1000-01-31' },
  { from: '1000-01-01' },
];

/** Days for records at those ends, so that every period above cuts through some. */
export const CALENDAR_EDGE_DAYS: readonly string[] = [
  '0001-01-01',
  '0001-01-31',
  '0050-02-20',
  '0050-03-10',
  '0050-03-11',
  '0999-12-31',
  '9999-11-30',
  '9999-12-01',
  '9999-12-14',
  '9999-12-31',
];
