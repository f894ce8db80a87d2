import { render, screen } from '@testing-library/react';
import { UsageChart } from '../src/components/usage-chart';
import { I18nProvider } from '../src/i18n';
import { chartOf, niceCeiling } from '../src/lib/chart';

const hour = (h: number) => new Date(Date.UTC(2026, 11, 5, h)).toISOString();
const POINTS = [
  { hour: hour(0), requests: 0, errors: 0 },
  { hour: hour(1), requests: 120, errors: 6 },
  { hour: hour(2), requests: 370, errors: 0 },
  { hour: hour(3), requests: 40, errors: 40 },
];

describe('chart geometry', () => {
  test('the scale tops out at a round number at or above the busiest hour', () => {
    expect([0, 1, 3, 7, 10, 11, 370, 501, 99_999].map(niceCeiling)).toEqual([1, 1, 5, 10, 10, 20, 500, 1000, 100_000]);
  });

  test('bar heights are proportional to requests, errors drawn inside their bar, one slot per hour', () => {
    const chart = chartOf(POINTS, 400, 100);
    expect(chart).toMatchObject({ max: 500, total: 530, errors: 46 });
    expect(chart.bars.map((b) => [b.x, b.height, b.errorHeight])).toEqual([
      [0, 0, 0],
      [100, 24, 1.2],
      [200, 74, 0],
      [300, 8, 8],
    ]);
    // SVG y grows downwards: a bar stands on the axis.
    for (const bar of chart.bars) expect(bar.y + bar.height).toBeCloseTo(100);
  });

  test('errors never draw above their requests', () => {
    const [bar] = chartOf([{ hour: hour(0), requests: 10, errors: 25 }], 10, 100).bars;
    expect(bar!.errorHeight).toBe(bar!.height);
  });
});

describe('UsageChart', () => {
  test('an image labelled with the period and busiest hour, and the numbers as a table for screen readers', () => {
    render(
      <I18nProvider initial="en">
        <UsageChart points={POINTS} title="Requests and errors per hour" />
      </I18nProvider>,
    );
    const image = screen.getByRole('img');
    expect(image.getAttribute('aria-label')).toMatch(/^Requests per hour, from .* to .*; highest 370$/);
    expect(image.querySelectorAll('rect.bar')).toHaveLength(4);
    expect(image.querySelectorAll('rect.bar-errors')).toHaveLength(2);
    // Hours without traffic are drawn (as nothing) but not read out.
    const rows = screen.getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('120 requests6 errors'),
      expect.stringContaining('370 requests0 errors'),
      expect.stringContaining('40 requests40 errors'),
    ]);
  });

  test('in French, numbers and words are French', () => {
    render(
      <I18nProvider initial="fr">
        <UsageChart points={[{ hour: hour(1), requests: 12_345, errors: 0 }]} title="Requêtes" />
      </I18nProvider>,
    );
    expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(/au plus 12\u202f345$/);
    expect(screen.getByRole('row').textContent).toContain('12\u202f345 requêtes');
  });

  test('a period without traffic says so instead of drawing an empty frame', () => {
    render(
      <I18nProvider initial="en">
        <UsageChart points={[{ hour: hour(0), requests: 0, errors: 0 }]} title="Requests" />
      </I18nProvider>,
    );
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByText('No traffic in the period.')).toBeTruthy();
  });
});
