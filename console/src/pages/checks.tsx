import { useState } from 'react';
import { operationKey, type OperationUse } from '../api/operations';
import { useSession } from '../api/session';
import { useMutation, useQuery } from '../api/use-query';
import { ErrorMessage, Loading, Notice } from '../components/status';
import { TableHead } from '../components/table-head';
import { useI18n } from '../i18n';
import { href } from '../router';

interface Finding {
  kind: 'COMPOSITION' | 'CHANGE' | 'POLICY' | 'USAGE';
  severity: 'ERROR' | 'WARNING' | 'INFO';
  code: string;
  message: string;
  subgraph: string | null;
  line: number | null;
  column: number | null;
  coordinate: string | null;
}
interface Change {
  criticality: 'BREAKING' | 'DANGEROUS' | 'SAFE';
  message: string;
  coordinate: string | null;
  usedBy: OperationUse[];
  approval: { approvedBy: string; approvedAt: string; reason: string | null } | null;
}
interface CheckDetail {
  id: string;
  subgraph: string;
  passed: boolean;
  composed: boolean;
  usageDays: number;
  author: string;
  createdAt: string;
  sdl: string;
  findings: Finding[];
  changes: Change[];
}
interface CheckRow {
  id: string;
  subgraph: string;
  passed: boolean;
  author: string;
  createdAt: string;
  findings: { severity: string }[];
}

const CHECKS = `query ConsoleChecks {
  subgraphs { name ownerOrganisationId }
  checks(first: 50) { nodes { id subgraph passed author createdAt findings { severity } } }
}`;
const CHECK = `query ConsoleCheck($id: ID!) {
  check(id: $id) {
    id subgraph passed composed usageDays author createdAt sdl
    findings { kind severity code message subgraph line column coordinate }
    changes { criticality message coordinate usedBy { signature name clientName clientVersion organisationId count } approval { approvedBy approvedAt reason } }
  }
}`;
const APPROVE = `mutation ConsoleApprove($id: ID!, $reason: String) { approveCheck(id: $id, reason: $reason) { id passed } }`;

export function ChecksPage({ param }: { param: string | null }) {
  return param ? <CheckPage id={param} /> : <CheckList />;
}

function CheckList() {
  const i18n = useI18n();
  const { t } = i18n;
  const { registry, caller } = useSession();
  const { data, error, loading, reload } = useQuery<{
    subgraphs: { name: string; ownerOrganisationId: string | null }[];
    checks: { nodes: CheckRow[] };
  }>(registry, CHECKS);
  // A partner's checks are those of the subgraphs its organisation owns.
  const owned = new Set(
    (data?.subgraphs ?? []).filter((s) => caller.admin || s.ownerOrganisationId === caller.organisationId).map((s) => s.name),
  );
  const checks = (data?.checks.nodes ?? []).filter((c) => owned.has(c.subgraph));
  return (
    <>
      <h1>{t('checks.title')}</h1>
      {loading && !data && <Loading />}
      {error && <ErrorMessage error={error} onRetry={reload} />}
      {data && checks.length === 0 && <Notice>{t('checks.none')}</Notice>}
      {checks.length > 0 && (
        <div className="table-scroll">
          <table className="checks">
            <TableHead columns={['checks.at', 'checks.subgraph', 'checks.result', 'checks.findings', 'checks.author']} />
            <tbody>
              {checks.map((c) => (
                <tr key={c.id} data-check={c.id}>
                  <td>
                    <a href={href('checks', c.id)}>{i18n.date(c.createdAt)}</a>
                  </td>
                  <td>{c.subgraph}</td>
                  <td>
                    <span className={`badge ${c.passed ? 'passed' : 'failed'}`}>{c.passed ? t('checks.passed') : t('checks.failed')}</span>
                  </td>
                  <td>{c.findings.filter((f) => f.severity !== 'INFO').length}</td>
                  <td>{c.author}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function CheckPage({ id }: { id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { registry, caller } = useSession();
  const { data, error, loading, reload } = useQuery<{ check: CheckDetail | null }>(registry, CHECK, { id });
  const approve = useMutation<{ approveCheck: { passed: boolean } }, { id: string; reason: string | null }>(registry, APPROVE);
  const [reason, setReason] = useState('');
  if (loading && !data) return <Loading />;
  if (error) return <ErrorMessage error={error} onRetry={reload} />;
  const check = data?.check;
  if (!check) return null;
  const of = (kind: Finding['kind']) => check.findings.filter((f) => f.kind === kind);
  const breaking = check.changes.filter((c) => c.criticality === 'BREAKING' && !c.approval);
  return (
    <>
      <p>
        <a href={href('checks')}>← {t('checks.title')}</a>
      </p>
      <h1>{t('check.title', { subgraph: check.subgraph })}</h1>
      <p>
        <span className={`badge ${check.passed ? 'passed' : 'failed'}`}>{check.passed ? t('checks.passed') : t('checks.failed')}</span>{' '}
        {i18n.date(check.createdAt)} · {check.author} · {t('check.composed', { value: check.composed ? t('yes') : t('no') })} ·{' '}
        {t('check.window', { days: check.usageDays })}
      </p>
      <FindingList title={t('check.composition')} findings={of('COMPOSITION')} />
      <section aria-labelledby="changes-title">
        <h2 id="changes-title">{t('check.changes')}</h2>
        {check.changes.length === 0 ? (
          <p>{t('diff.noChanges')}</p>
        ) : (
          <ul className="changelog">
            {check.changes.map((change, i) => (
              <li key={i} className={`change ${change.criticality.toLowerCase()}`} data-coordinate={change.coordinate ?? undefined}>
                <span className={`badge ${change.criticality.toLowerCase()}`}>{t(`criticality.${change.criticality}`)}</span>{' '}
                {change.message}
                {change.approval && (
                  <div className="muted">
                    {t('check.approved', { who: change.approval.approvedBy, at: i18n.date(change.approval.approvedAt) })}
                  </div>
                )}
                {change.usedBy.length > 0 && (
                  <table className="used-by">
                    <caption>{t('check.usedBy')}</caption>
                    <TableHead columns={['check.operation', 'check.client', { key: 'check.count', number: true }]} />
                    <tbody>
                      {change.usedBy.map((use) => (
                        <tr key={operationKey(use)}>
                          <td>{use.name ?? use.signature.slice(0, 12)}</td>
                          <td>{[use.clientName, use.clientVersion].filter(Boolean).join(' ') || t('none')}</td>
                          <td className="number">{i18n.number(use.count)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <FindingList title={t('check.usage')} findings={of('USAGE')} />
      <FindingList title={t('check.policy')} findings={of('POLICY')} />
      {caller.admin && breaking.length > 0 && !approve.data && (
        <form
          className="card"
          onSubmit={async (event) => {
            event.preventDefault();
            if (await approve.run({ id: check.id, reason: reason.trim() || null })) reload();
          }}
        >
          <label htmlFor="approve-reason">{t('check.approveReason')}</label>
          <input id="approve-reason" value={reason} onChange={(event) => setReason(event.target.value)} />
          <button type="submit" disabled={approve.running}>
            {t('check.approve')}
          </button>
          {approve.error && <ErrorMessage error={approve.error} />}
        </form>
      )}
      {approve.data && <Notice>{t('check.approveDone')}</Notice>}
      <details>
        <summary>{t('check.sdl')}</summary>
        <pre className="sdl">{check.sdl}</pre>
      </details>
    </>
  );
}

function FindingList({ title, findings }: { title: string; findings: Finding[] }) {
  const { t } = useI18n();
  if (findings.length === 0) return null;
  return (
    <section>
      <h2>{title}</h2>
      <ul className="findings">
        {findings.map((f, i) => (
          <li key={i} className={`finding ${f.severity.toLowerCase()}`} data-code={f.code}>
            <span className={`badge ${f.severity.toLowerCase()}`}>{f.severity}</span> <code>{f.code}</code> {f.message}
            {(f.subgraph || f.line) && (
              <span className="muted">
                {' '}
                ({[f.subgraph, f.line ? t('check.at', { line: f.line, column: f.column ?? 1 }) : null].filter(Boolean).join(', ')})
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
