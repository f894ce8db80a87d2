import { useMemo } from 'react';
import { useI18n } from '../i18n';
import { chartOf, type Point } from '../lib/chart';

const WIDTH = 720;
const HEIGHT = 160;

/**
 * Requests per hour as bars, errors in red inside them. The picture is one labelled image; the
 * numbers behind it are a table for screen readers.
 */
export function UsageChart({ points, title }: { points: Point[]; title: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const chart = useMemo(() => chartOf(points, WIDTH, HEIGHT), [points]);
  if (chart.total === 0) return <p className="muted">{t('chart.empty')}</p>;
  const label = t('chart.label', {
    from: i18n.date(points[0]?.hour),
    to: i18n.date(points[points.length - 1]?.hour),
    max: i18n.number(Math.max(...points.map((p) => p.requests))),
  });
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + 16}`} role="img" aria-label={label} preserveAspectRatio="none">
        <line x1={0} x2={WIDTH} y1={HEIGHT} y2={HEIGHT} className="axis" />
        <text x={2} y={10} className="tick">
          {i18n.number(chart.max)}
        </text>
        <text x={0} y={HEIGHT + 13} className="tick">
          {i18n.date(points[0]?.hour)}
        </text>
        <text x={WIDTH} y={HEIGHT + 13} className="tick" textAnchor="end">
          {i18n.date(points[points.length - 1]?.hour)}
        </text>
        {chart.bars.map((bar) => (
          <g key={bar.hour} data-requests={bar.requests} data-errors={bar.errors}>
            <title>{`${i18n.date(bar.hour)}: ${i18n.number(bar.requests)} ${t('chart.requests')}, ${i18n.number(bar.errors)} ${t('chart.errors')}`}</title>
            <rect className="bar" x={bar.x} y={bar.y} width={bar.width} height={bar.height} />
            {bar.errorHeight > 0 && <rect className="bar-errors" x={bar.x} y={bar.errorY} width={bar.width} height={bar.errorHeight} />}
          </g>
        ))}
      </svg>
      <table className="visually-hidden">
        <caption>{label}</caption>
        <tbody>
          {chart.bars
            .filter((bar) => bar.requests > 0)
            .map((bar) => (
              <tr key={bar.hour}>
                <th scope="row">{i18n.date(bar.hour)}</th>
                <td>
                  {i18n.number(bar.requests)} {t('chart.requests')}
                </td>
                <td>
                  {i18n.number(bar.errors)} {t('chart.errors')}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </figure>
  );
}
