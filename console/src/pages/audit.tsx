import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { request } from '../api/client';
import { useSession } from '../api/session';
import { useQuery } from '../api/use-query';
import { ErrorMessage, Loading } from '../components/status';
import { TableHead } from '../components/table-head';
import { useI18n } from '../i18n';
import { download, toCsv } from '../lib/csv';
import { ConsoleError } from '../api/client';

const asConsoleError = (error: unknown) => (error instanceof ConsoleError ? error : new ConsoleError('ERROR', String(error)));

/** One row of either log, in the shape the table shows. */
interface Entry {
  id: string;
  at: string;
  actor: string;
  organisation: string | null;
  action: string;
  record: string;
  detail: string;
  purpose: string | null;
}
interface Filter {
  from: string;
  to: string;
  actor: string;
  record: string;
  purpose: string;
}
interface Page {
  entries: Entry[];
  total: number | null;
  next: string | null;
}

const REGISTRY_LOG = `query ConsoleRegistryAudit($filter: RegistryAuditFilter, $after: String) {
  registryAuditLog(filter: $filter, first: 50, after: $after) {
    nodes { id at actor actorOrganisationId action target detail }
    pageInfo { hasNextPage endCursor }
  }
}`;
/** Every subgraph names its log `<subgraph>AuditLog`, with the same arguments (the kit builds them). */
const subgraphLog = (
  name: string,
) => `query ConsoleSubgraphAudit($from: DateTime, $to: DateTime, $actor: String, $recordId: ID, $purpose: String, $after: String) {
  log: ${name}AuditLog(from: $from, to: $to, actor: $actor, recordId: $recordId, purpose: $purpose, first: 50, after: $after) {
    edges { node { id at action actor actorOrganisation operation recordType recordIds fields ownerOrganisation purpose } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`;

const EMPTY: Filter = { from: '', to: '', actor: '', record: '', purpose: '' };
const iso = (local: string) => (local ? new Date(local).toISOString() : null);

export function AuditPage({ param }: { param: string | null }) {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  // The log's name goes into the query's text: only a subgraph's name, never whatever a link carries.
  const source = param && /^[a-z][a-z0-9]*$/.test(param) ? param : 'registry';
  const sources = useQuery<{ subgraphs: { name: string }[] }>(session.registry, 'query ConsoleAuditSources { subgraphs { name } }');
  const [draft, setDraft] = useState<Filter>(EMPTY);
  const [filter, setFilter] = useState<Filter>(EMPTY);
  const [generation, setGeneration] = useState(0);
  // The pages shown and what they answer (source, filter, generation): loading while that is not what was asked last.
  const [result, setResult] = useState<{ asked: unknown; generation: number; pages: Page[]; error: ConsoleError | null }>({
    asked: null,
    generation: 0,
    pages: [],
    error: null,
  });
  const [loadingMore, setLoadingMore] = useState(false);

  const load = useCallback(
    async (after: string | null): Promise<Page> => {
      if (source === 'registry') {
        const data = await request<{
          registryAuditLog: {
            nodes: {
              id: string;
              at: string;
              actor: string;
              actorOrganisationId: string | null;
              action: string;
              target: string | null;
              detail: string;
            }[];
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
          };
        }>(session.registry, REGISTRY_LOG, {
          filter: { since: iso(filter.from), until: iso(filter.to), actor: filter.actor || null, target: filter.record || null },
          after,
        });
        const log = data.registryAuditLog;
        return {
          entries: log.nodes.map((n) => ({
            id: n.id,
            at: n.at,
            actor: n.actor,
            organisation: n.actorOrganisationId,
            action: n.action,
            record: n.target ?? '',
            detail: n.detail,
            purpose: null,
          })),
          total: null,
          next: log.pageInfo.hasNextPage ? log.pageInfo.endCursor : null,
        };
      }
      const data = await request<{
        log: {
          edges: {
            node: {
              id: string;
              at: string;
              action: string;
              actor: string;
              actorOrganisation: string | null;
              operation: string | null;
              recordType: string;
              recordIds: string[];
              fields: string[];
              purpose: string | null;
            };
          }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          totalCount: number;
        };
      }>(session.gateway, subgraphLog(source), {
        from: iso(filter.from),
        to: iso(filter.to),
        actor: filter.actor || null,
        recordId: filter.record || null,
        purpose: filter.purpose || null,
        after,
      });
      return {
        entries: data.log.edges.map(({ node }) => ({
          id: node.id,
          at: node.at,
          actor: node.actor,
          organisation: node.actorOrganisation,
          action: `${node.action}${node.operation ? ` ${node.operation}` : ''}`,
          record: `${node.recordType} ${node.recordIds.join(' ')}`,
          detail: node.fields.join(', '),
          purpose: node.purpose,
        })),
        total: data.log.totalCount,
        next: data.log.pageInfo.hasNextPage ? data.log.pageInfo.endCursor : null,
      };
    },
    [session, source, filter],
  );

  // A new source or filter starts from the newest entries again.
  useEffect(() => {
    let current = true;
    load(null).then(
      (page) => current && setResult({ asked: load, generation, pages: [page], error: null }),
      (caught: unknown) => current && setResult({ asked: load, generation, pages: [], error: asConsoleError(caught) }),
    );
    return () => {
      current = false;
    };
  }, [load, generation]);
  const more = (after: string) => {
    setLoadingMore(true);
    load(after)
      .then(
        (page) => setResult((previous) => ({ ...previous, pages: [...previous.pages, page] })),
        (caught: unknown) => setResult((previous) => ({ ...previous, error: asConsoleError(caught) })),
      )
      .finally(() => setLoadingMore(false));
  };
  const { pages, error } = result;
  const loading = result.asked !== load || result.generation !== generation || loadingMore;

  const entries = pages.flatMap((p) => p.entries);
  const last = pages[pages.length - 1];
  const total = last?.total ?? null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilter(draft);
  };
  const exportCsv = () =>
    download(
      `peacegraph-audit-${source}-${new Date().toISOString().slice(0, 10)}.csv`,
      toCsv(
        ['at', 'actor', 'organisation', 'action', 'record', 'detail', 'purpose'],
        entries.map((e) => [e.at, e.actor, e.organisation, e.action, e.record, e.detail, e.purpose]),
      ),
    );

  return (
    <>
      <h1>{t('audit.title')}</h1>
      <nav className="toolbar" aria-label={t('audit.source')}>
        <span>{t('audit.source')}</span>
        <a href="#/audit" aria-current={source === 'registry' ? 'page' : undefined}>
          {t('audit.registry')}
        </a>
        {(sources.data?.subgraphs ?? []).map((s) => (
          <a key={s.name} href={`#/audit/${s.name}`} aria-current={source === s.name ? 'page' : undefined}>
            {s.name}
          </a>
        ))}
      </nav>
      <form className="filters" onSubmit={submit}>
        <label>
          {t('audit.from')}{' '}
          <input type="datetime-local" value={draft.from} onChange={(event) => setDraft({ ...draft, from: event.target.value })} />
        </label>
        <label>
          {t('audit.to')}{' '}
          <input type="datetime-local" value={draft.to} onChange={(event) => setDraft({ ...draft, to: event.target.value })} />
        </label>
        <label>
          {t('audit.actor')} <input value={draft.actor} onChange={(event) => setDraft({ ...draft, actor: event.target.value })} />
        </label>
        <label>
          {t('audit.record')} <input value={draft.record} onChange={(event) => setDraft({ ...draft, record: event.target.value })} />
        </label>
        {source !== 'registry' && (
          <label>
            {t('audit.purpose')} <input value={draft.purpose} onChange={(event) => setDraft({ ...draft, purpose: event.target.value })} />
          </label>
        )}
        <button type="submit">{t('audit.apply')}</button>
        <button type="button" onClick={exportCsv} disabled={entries.length === 0}>
          {t('audit.export')}
        </button>
      </form>
      {error && <ErrorMessage error={error} onRetry={() => setGeneration((n) => n + 1)} />}
      <p className="muted" role="status">
        {total === null
          ? t('audit.shown', { shown: i18n.number(entries.length) })
          : t('audit.count', { shown: i18n.number(entries.length), total: i18n.number(total) })}
      </p>
      {!loading && !error && entries.length === 0 && <p>{t('audit.empty')}</p>}
      {entries.length > 0 && (
        <div className="table-scroll">
          <table className="audit">
            <TableHead
              columns={[
                'audit.at',
                'audit.actor',
                'audit.organisation',
                'audit.action',
                'audit.target',
                'audit.detail',
                source !== 'registry' && 'audit.purpose',
              ]}
            />
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{i18n.date(e.at)}</td>
                  <td>{e.actor}</td>
                  <td>{e.organisation ?? t('none')}</td>
                  <td>{e.action}</td>
                  <td>
                    <code>{e.record}</code>
                  </td>
                  <td>{e.detail}</td>
                  {source !== 'registry' && <td>{e.purpose ?? t('none')}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {loading && <Loading />}
      {last?.next && !loading && (
        <button type="button" onClick={() => more(last.next!)}>
          {t('audit.more')}
        </button>
      )}
    </>
  );
}
