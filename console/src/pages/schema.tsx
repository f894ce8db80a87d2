import { useMemo, useState } from 'react';
import { useSession } from '../api/session';
import { useQuery } from '../api/use-query';
import { Compare } from '../components/compare';
import { DataClassBadge, ErrorMessage, Loading, type DataClass } from '../components/status';
import { TableHead } from '../components/table-head';
import { useI18n } from '../i18n';
import { href } from '../router';

interface Field {
  coordinate: string;
  type: string;
  description: string | null;
  dataClass: DataClass | null;
  subgraphs: string[];
  deprecationReason: string | null;
  count: number;
}
interface Version {
  id: string;
  state: string;
  message: string | null;
  author: string;
  createdAt: string;
}

const FIELDS = `query ConsoleSchema {
  subgraphs { name }
  schemaFields(days: 30) { coordinate type description dataClass subgraphs deprecationReason count }
}`;
const SUBGRAPH = `query ConsoleSubgraphSchema($name: String!) {
  subgraph(name: $name) { name liveVersion { id sdl } }
  schemaVersions(subgraph: $name, first: 50) { nodes { id state message author createdAt } }
}`;
const SUPERGRAPH = `query ConsoleSupergraph {
  liveComposition { id supergraphSdl }
  launches(first: 50) { nodes { id reason launchedAt composition { id } } }
}`;
/** A field's own words: the data-class paragraph composition appends is shown as the badge beside it. */
export function ownDescription(description: string | null): string {
  return (description ?? '').replace(/(^|\n\n)Data class (PUBLIC|PARTNER|SENSITIVE):[^\n]*$/, '').trim();
}

/** Enough rows to scan; the search narrows the rest (a few thousand rows would make typing sluggish). */
const SHOWN = 300;

export function SchemaPage({ param }: { param: string | null }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { registry } = useSession();
  const [search, setSearch] = useState('');
  const fields = useQuery<{ subgraphs: { name: string }[]; schemaFields: Field[] }>(registry, FIELDS);
  const matching = useMemo(() => {
    const words = search.toLowerCase().split(/\s+/).filter(Boolean);
    return (fields.data?.schemaFields ?? []).filter(
      (f) =>
        (!param || f.subgraphs.includes(param)) &&
        words.every(
          (w) =>
            f.coordinate.toLowerCase().includes(w) || f.type.toLowerCase().includes(w) || (f.description ?? '').toLowerCase().includes(w),
        ),
    );
  }, [fields.data, search, param]);
  const total = (fields.data?.schemaFields ?? []).filter((f) => !param || f.subgraphs.includes(param)).length;

  return (
    <>
      <h1>
        {t('schema.title')}
        {param ? `: ${param}` : ''}
      </h1>
      <nav className="toolbar" aria-label={t('schema.of')}>
        <span>{t('schema.of')}</span>
        <a href={href('schema')} aria-current={param ? undefined : 'page'}>
          {t('schema.supergraph')}
        </a>
        {(fields.data?.subgraphs ?? []).map((s) => (
          <a key={s.name} href={href('schema', s.name)} aria-current={param === s.name ? 'page' : undefined}>
            {s.name}
          </a>
        ))}
      </nav>
      {fields.error && <ErrorMessage error={fields.error} onRetry={fields.reload} />}
      <h2>{t('schema.fields')}</h2>
      <label htmlFor="field-search">{t('schema.searchLabel')}</label>
      <input id="field-search" type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
      {fields.loading && !fields.data ? (
        <Loading />
      ) : (
        <>
          <p className="muted" role="status">
            {t('schema.count', { shown: i18n.number(matching.length), total: i18n.number(total) })}
          </p>
          <div className="table-scroll">
            <table className="fields">
              <TableHead
                columns={['schema.coordinate', 'schema.type', 'schema.class', 'schema.subgraphs', { key: 'schema.uses', number: true }]}
              />
              <tbody>
                {matching.slice(0, SHOWN).map((f) => (
                  <tr key={f.coordinate} data-coordinate={f.coordinate}>
                    <th scope="row">
                      <code>{f.coordinate}</code>
                      {ownDescription(f.description) && <div className="description">{ownDescription(f.description)}</div>}
                      {f.deprecationReason && <div className="deprecated">{t('schema.deprecated', { reason: f.deprecationReason })}</div>}
                    </th>
                    <td>
                      <code>{f.type}</code>
                    </td>
                    <td>
                      <DataClassBadge value={f.dataClass} />
                    </td>
                    <td>{f.subgraphs.join(', ')}</td>
                    <td className="number">{i18n.number(f.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {param ? <SubgraphHistory name={param} /> : <SupergraphHistory />}
    </>
  );
}

function SubgraphHistory({ name }: { name: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { registry } = useSession();
  const { data, error, loading, reload } = useQuery<{
    subgraph: { liveVersion: { id: string; sdl: string } | null } | null;
    schemaVersions: { nodes: Version[] };
  }>(registry, SUBGRAPH, { name });
  if (loading && !data) return <Loading />;
  if (error) return <ErrorMessage error={error} onRetry={reload} />;
  const versions = data?.schemaVersions.nodes ?? [];
  return (
    <>
      <h2>{t('schema.history')}</h2>
      <div className="table-scroll">
        <table className="versions">
          <TableHead columns={['version.at', 'version.state', 'version.author', 'version.message']} />
          <tbody>
            {versions.map((v) => (
              <tr key={v.id} data-version={v.id}>
                <td>
                  {i18n.date(v.createdAt)} <code>{v.id.slice(0, 8)}</code>
                </td>
                <td>{t(`state.${v.state}` as 'state.LAUNCHED')}</td>
                <td>{v.author}</td>
                <td>{v.message ?? t('none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Compare
        options={versions.map((v) => ({ id: v.id, label: `${i18n.date(v.createdAt)} · ${v.id.slice(0, 8)} · ${v.message ?? v.author}` }))}
      />
      {data?.subgraph?.liveVersion && (
        <details>
          <summary>{t('schema.sdl')}</summary>
          <pre className="sdl">{data.subgraph.liveVersion.sdl}</pre>
        </details>
      )}
    </>
  );
}

function SupergraphHistory() {
  const i18n = useI18n();
  const { t } = i18n;
  const { registry } = useSession();
  const { data, error, loading, reload } = useQuery<{
    liveComposition: { id: string; supergraphSdl: string } | null;
    launches: { nodes: { id: string; reason: string; launchedAt: string; composition: { id: string } }[] };
  }>(registry, SUPERGRAPH);
  if (loading && !data) return <Loading />;
  if (error) return <ErrorMessage error={error} onRetry={reload} />;
  // One entry per composition, at its latest launch.
  const seen = new Set<string>();
  const compositions = (data?.launches.nodes ?? []).filter((l) => !seen.has(l.composition.id) && seen.add(l.composition.id));
  return (
    <>
      <h2>{t('schema.history')}</h2>
      <Compare
        options={compositions.map((l) => ({
          id: l.composition.id,
          label: `${i18n.date(l.launchedAt)} · ${l.composition.id.slice(0, 8)} · ${t(`reason.${l.reason}` as 'reason.PUBLISH')}`,
        }))}
      />
      {data?.liveComposition && (
        <details>
          <summary>{t('schema.sdl')}</summary>
          <pre className="sdl">{data.liveComposition.supergraphSdl}</pre>
        </details>
      )}
    </>
  );
}
