import { useMemo } from 'react';
import { useI18n } from '../i18n';
import { sideBySide, type Cell } from '../lib/side-by-side';

export interface Change {
  criticality: 'BREAKING' | 'DANGEROUS' | 'SAFE';
  message: string;
  coordinate: string | null;
}

/** A readable changelog, then both SDLs side by side with what changed marked. */
export function DiffView({ changes, fromSdl, toSdl }: { changes: Change[]; fromSdl: string; toSdl: string }) {
  const { t } = useI18n();
  const view = useMemo(() => sideBySide(fromSdl, toSdl), [fromSdl, toSdl]);
  return (
    <section className="diff" aria-label={t('diff.title')}>
      <h3>{t('diff.changes')}</h3>
      {changes.length === 0 ? (
        <p>{t('diff.noChanges')}</p>
      ) : (
        <ul className="changelog">
          {changes.map((change, i) => (
            <li key={i} className={`change ${change.criticality.toLowerCase()}`}>
              <span className={`badge ${change.criticality.toLowerCase()}`}>{t(`criticality.${change.criticality}`)}</span> {change.message}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('diff.title')}</h3>
      <p className="muted">{t('diff.summary', { added: view.added, removed: view.removed })}</p>
      <table className="sdl-diff">
        <colgroup>
          <col className="line-number" />
          <col />
          <col className="line-number" />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" colSpan={2}>
              {t('diff.before')}
            </th>
            <th scope="col" colSpan={2}>
              {t('diff.after')}
            </th>
          </tr>
        </thead>
        <tbody>
          {view.rows.map((row, i) =>
            row.kind === 'skipped' ? (
              <tr key={i} className="skipped">
                <td colSpan={4}>⋯ {row.count}</td>
              </tr>
            ) : (
              <tr key={i}>
                <Side cell={row.left} />
                <Side cell={row.right} />
              </tr>
            ),
          )}
        </tbody>
      </table>
    </section>
  );
}

function Side({ cell }: { cell: Cell }) {
  const mark = cell.kind === 'removed' ? '−' : cell.kind === 'added' ? '+' : '';
  return (
    <>
      <td className="line-number">{cell.line ?? ''}</td>
      <td className={`code ${cell.kind}`}>
        {mark && <span className="visually-hidden">{mark}</span>}
        <code>{cell.text}</code>
      </td>
    </>
  );
}
