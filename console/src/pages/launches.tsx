import { useState } from 'react';
import { useSession } from '../api/session';
import { useMutation, useQuery } from '../api/use-query';
import { DiffOf } from '../components/compare';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ErrorMessage, Loading, Notice } from '../components/status';
import { TableHead } from '../components/table-head';
import { useI18n } from '../i18n';

interface Launch {
  id: string;
  reason: 'PUBLISH' | 'ROLLBACK' | 'APPROVAL' | 'DEPLOYED';
  message: string | null;
  actor: string;
  launchedAt: string;
  live: boolean;
  composition: { id: string };
  version: { id: string; subgraph: string; message: string | null } | null;
}

const LAUNCHES = `query ConsoleLaunches {
  launches(first: 50) { nodes { id reason message actor launchedAt live composition { id } version { id subgraph message } } }
}`;
const ROLLBACK = `mutation ConsoleRollback($compositionId: ID!, $reason: String!) { rollback(compositionId: $compositionId, reason: $reason) { id composition { id } } }`;

export function LaunchesPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { registry, caller } = useSession();
  const { data, error, loading, reload } = useQuery<{ launches: { nodes: Launch[] } }>(registry, LAUNCHES);
  const rollback = useMutation<{ rollback: { composition: { id: string } } }, { compositionId: string; reason: string }>(
    registry,
    ROLLBACK,
  );
  const [target, setTarget] = useState<Launch | null>(null);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const launches = data?.launches.nodes ?? [];
  const live = launches.find((l) => l.live);

  return (
    <>
      <h1>{t('launches.title')}</h1>
      {loading && !data && <Loading />}
      {error && <ErrorMessage error={error} onRetry={reload} />}
      {live && (
        <p className="live-why">
          {t('launches.liveWhy', { at: i18n.date(live.launchedAt), reason: t(`reason.${live.reason}`), actor: live.actor })}
          {live.version ? ` (${live.version.subgraph}${live.version.message ? `: ${live.version.message}` : ''})` : ''}
          {live.message ? ` — ${live.message}` : ''}
        </p>
      )}
      {done && <Notice>{t('launches.done', { id: done.slice(0, 8) })}</Notice>}
      {launches.length > 0 && (
        <div className="table-scroll">
          <table className="launches">
            <TableHead
              columns={[
                'launches.at',
                'launches.composition',
                'launches.reason',
                'launches.version',
                'launches.actor',
                { key: 'launches.rollback', hidden: true },
              ]}
            />
            <tbody>
              {launches.map((l) => (
                <tr key={l.id} data-launch={l.id} className={l.live ? 'live' : undefined}>
                  <td>{i18n.date(l.launchedAt)}</td>
                  <td>
                    <code>{l.composition.id.slice(0, 8)}</code> {l.live && <span className="badge passed">{t('launches.live')}</span>}
                  </td>
                  <td>
                    {t(`reason.${l.reason}`)}
                    {l.message ? `: ${l.message}` : ''}
                  </td>
                  <td>{l.version ? `${l.version.subgraph}${l.version.message ? ` — ${l.version.message}` : ''}` : t('none')}</td>
                  <td>{l.actor}</td>
                  <td>
                    {caller.admin && !l.live && l.composition.id !== live?.composition.id && (
                      <button type="button" onClick={() => (setTarget(l), setReason(''))}>
                        {t('launches.rollback')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {target && live && (
        <ConfirmDialog
          title={t('launches.confirmTitle', { id: target.composition.id.slice(0, 8) })}
          confirmLabel={t('launches.confirm')}
          busy={rollback.running}
          confirmDisabled={reason.trim() === ''}
          onCancel={() => setTarget(null)}
          onConfirm={async () => {
            const result = await rollback.run({ compositionId: target.composition.id, reason: reason.trim() });
            if (result) {
              setDone(result.rollback.composition.id);
              setTarget(null);
              reload();
            }
          }}
        >
          <p>{t('launches.confirmIntro')}</p>
          <div className="dialog-diff">
            <DiffOf from={live.composition.id} to={target.composition.id} />
          </div>
          <label htmlFor="rollback-reason">{t('launches.reasonLabel')}</label>
          <input id="rollback-reason" value={reason} onChange={(event) => setReason(event.target.value)} required />
          {rollback.error && <ErrorMessage error={rollback.error} />}
        </ConfirmDialog>
      )}
    </>
  );
}
