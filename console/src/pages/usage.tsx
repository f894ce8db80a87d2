import { useState } from 'react';
import { operationKey, type OperationUse } from '../api/operations';
import { useSession } from '../api/session';
import { useQuery } from '../api/use-query';
import { ErrorMessage, Loading, PeriodSelect } from '../components/status';
import { UsageChart } from '../components/usage-chart';
import { TableHead } from '../components/table-head';
import { useI18n } from '../i18n';

interface Operation extends OperationUse {
  errors: number;
  p50Ms: number | null;
  p95Ms: number | null;
  lastSeen: string | null;
  coordinates: string[];
}

const USAGE = `query ConsoleUsage($hours: Int!, $days: Int!) {
  usageSummary(hours: $hours) { series { hour requests errors } }
  operations(days: $days, first: 100) { signature name clientName clientVersion organisationId count errors p50Ms p95Ms lastSeen coordinates }
  schemaFields(days: $days) { coordinate count subgraphs }
}`;

export function UsagePage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { registry } = useSession();
  const [hours, setHours] = useState(168);
  const [open, setOpen] = useState<string | null>(null);
  // Operations and field use are kept per day: a period under a day reads the last day.
  const days = Math.max(1, Math.ceil(hours / 24));
  const { data, error, loading, reload } = useQuery<{
    usageSummary: { series: { hour: string; requests: number; errors: number }[] };
    operations: Operation[];
    schemaFields: { coordinate: string; count: number; subgraphs: string[] }[];
  }>(registry, USAGE, { hours, days });
  const operations = data?.operations ?? [];
  const unused = (data?.schemaFields ?? []).filter((f) => f.count === 0);
  const failing = operations.filter((o) => o.errors > 0).sort((a, b) => b.errors - a.errors);
  const nameOf = (o: Operation) => o.name ?? t('usage.anonymous');

  return (
    <>
      <h1>{t('usage.title')}</h1>
      <div className="toolbar">
        <PeriodSelect hours={hours} onChange={setHours} />
        {loading && <Loading />}
      </div>
      {error && <ErrorMessage error={error} onRetry={reload} />}
      {data && <UsageChart points={data.usageSummary.series} title={t('usage.overTime')} />}
      <h2>{t('usage.operations')}</h2>
      {data && operations.length === 0 && <p>{t('usage.noTraffic')}</p>}
      {operations.length > 0 && (
        <div className="table-scroll">
          <table className="operations">
            <TableHead
              columns={[
                'usage.operation',
                'usage.client',
                { key: 'usage.count', number: true },
                { key: 'usage.errors', number: true },
                { key: 'usage.p50', number: true },
                { key: 'usage.p95', number: true },
                'usage.lastSeen',
              ]}
            />
            <tbody>
              {operations.map((o) => {
                const key = operationKey(o);
                return (
                  <tr key={key} data-operation={o.name ?? o.signature}>
                    <th scope="row">
                      <button
                        type="button"
                        className="link"
                        aria-expanded={open === key}
                        onClick={() => setOpen(open === key ? null : key)}
                      >
                        {nameOf(o)}
                      </button>
                      {open === key && (
                        <div className="coordinates">
                          <span className="muted">{t('usage.fieldsOf', { name: nameOf(o) })}</span>
                          <ul>
                            {o.coordinates.map((c) => (
                              <li key={c}>
                                <code>{c}</code>
                              </li>
                            ))}
                          </ul>
                        </div>
                      )}
                    </th>
                    <td>{[o.clientName, o.clientVersion].filter(Boolean).join(' ') || t('none')}</td>
                    <td className="number">{i18n.number(o.count)}</td>
                    <td className="number">{i18n.number(o.errors)}</td>
                    <td className="number">{i18n.ms(o.p50Ms)}</td>
                    <td className="number">{i18n.ms(o.p95Ms)}</td>
                    <td>{i18n.date(o.lastSeen)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t('usage.errorsBy')}</h2>
      {data && failing.length === 0 && <p>{t('usage.noErrors')}</p>}
      {failing.length > 0 && (
        <ul className="errors-by-operation">
          {failing.map((o) => (
            <li key={operationKey(o)}>
              {nameOf(o)}: {i18n.number(o.errors)} / {i18n.number(o.count)} ({i18n.percent(o.errors / o.count)})
            </li>
          ))}
        </ul>
      )}
      <h2>{t('usage.unused')}</h2>
      {data && (
        <details>
          <summary>{t('usage.unusedCount', { n: i18n.number(unused.length) })}</summary>
          <ul className="unused-fields">
            {unused.map((f) => (
              <li key={f.coordinate}>
                <code>{f.coordinate}</code> <span className="muted">({f.subgraphs.join(', ')})</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
