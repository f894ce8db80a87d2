import { useState } from 'react';
import { organisationName, useOrganisations } from '../api/organisations';
import { useSession } from '../api/session';
import { useQuery } from '../api/use-query';
import { ErrorMessage, Loading, Notice, PeriodSelect } from '../components/status';
import { UsageChart } from '../components/usage-chart';
import { TableHead } from '../components/table-head';
import { useI18n } from '../i18n';
import { href } from '../router';

interface SubgraphRow {
  name: string;
  routingUrl: string;
  ownerOrganisationId: string | null;
  lastPublishedAt: string | null;
  liveVersion: { id: string; createdAt: string; launchedAt: string | null; author: string } | null;
  health: { status: 'UP' | 'DOWN'; latencyMs: number | null; detail: string | null };
}
interface Usage {
  hours: number;
  coveredHours: number;
  requests: number;
  errors: number;
  p95Ms: number | null;
  series: { hour: string; requests: number; errors: number }[];
  subgraphs: { subgraph: string; requests: number; errors: number; p95Ms: number | null }[];
}

const OVERVIEW = `query ConsoleOverview($hours: Int!) {
  subgraphs { name routingUrl ownerOrganisationId lastPublishedAt liveVersion { id createdAt launchedAt author } health { status latencyMs detail } }
  liveComposition { id createdAt }
  usageSummary(hours: $hours) { hours coveredHours requests errors p95Ms series { hour requests errors } subgraphs { subgraph requests errors p95Ms } }
}`;

export function OverviewPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { registry, caller } = useSession();
  const [hours, setHours] = useState(24);
  const organisations = useOrganisations();
  const { data, error, loading, reload } = useQuery<{
    subgraphs: SubgraphRow[];
    liveComposition: { id: string; createdAt: string } | null;
    usageSummary: Usage;
  }>(registry, OVERVIEW, { hours });
  // A partner sees the subgraphs its organisation owns; admins see them all.
  const subgraphs = (data?.subgraphs ?? []).filter((s) => caller.admin || s.ownerOrganisationId === caller.organisationId);
  const usageOf = new Map((data?.usageSummary.subgraphs ?? []).map((u) => [u.subgraph, u]));
  return (
    <>
      <h1>{t('overview.title')}</h1>
      {error && <ErrorMessage error={error} onRetry={reload} />}
      {data && (
        <p>
          {data.liveComposition
            ? t('overview.live', { id: data.liveComposition.id.slice(0, 8), at: i18n.date(data.liveComposition.createdAt) })
            : t('overview.noLive')}
        </p>
      )}
      <div className="toolbar">
        <PeriodSelect hours={hours} onChange={setHours} />
        {loading && <Loading />}
      </div>
      <h2>{caller.admin ? t('overview.subgraphs') : t('overview.owned')}</h2>
      {data && subgraphs.length === 0 && <Notice>{t('overview.noneOwned')}</Notice>}
      {subgraphs.length > 0 && (
        <div className="table-scroll">
          <table className="subgraphs">
            <TableHead
              columns={[
                'overview.name',
                'overview.owner',
                'overview.health',
                'overview.liveVersion',
                { key: 'overview.rate', number: true },
                { key: 'overview.errorRate', number: true },
                { key: 'overview.p95', number: true },
              ]}
            />
            <tbody>
              {subgraphs.map((s) => {
                const usage = usageOf.get(s.name);
                return (
                  <tr key={s.name} data-subgraph={s.name}>
                    <th scope="row">
                      <a href={href('schema', s.name)}>{s.name}</a>
                      <div className="routing-url" title={t('overview.routingUrl')}>
                        <code>{s.routingUrl}</code>
                      </div>
                    </th>
                    <td>{organisationName(organisations.byId, s.ownerOrganisationId, t('owner.platform'))}</td>
                    <td className="nowrap">
                      <span className={`health ${s.health.status.toLowerCase()}`}>{t(`health.${s.health.status}`)}</span>
                      {s.health.latencyMs !== null && <span className="muted"> {i18n.ms(s.health.latencyMs)}</span>}
                      {s.health.status === 'DOWN' && s.health.detail && <div className="muted">{s.health.detail}</div>}
                    </td>
                    <td className="nowrap">
                      {s.liveVersion ? <code>{s.liveVersion.id.slice(0, 8)}</code> : t('none')}
                      <div className="muted" title={t('overview.lastPublish')}>
                        {i18n.date(s.lastPublishedAt)}
                      </div>
                    </td>
                    <td className="number">{i18n.number(usage && data ? usage.requests / data.usageSummary.coveredHours : 0, 1)}</td>
                    <td className="number">{usage && usage.requests > 0 ? i18n.percent(usage.errors / usage.requests) : t('none')}</td>
                    <td className="number">{i18n.ms(usage?.p95Ms)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {data && (
        <>
          <h2>{t('overview.traffic')}</h2>
          <p>
            {t('overview.totals', {
              requests: i18n.number(data.usageSummary.requests),
              errors: i18n.number(data.usageSummary.errors),
              p95: i18n.ms(data.usageSummary.p95Ms),
            })}
          </p>
          <UsageChart points={data.usageSummary.series} title={t('usage.overTime')} />
        </>
      )}
    </>
  );
}
