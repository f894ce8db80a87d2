import { useState } from 'react';
import { useSession } from '../api/session';
import { useQuery } from '../api/use-query';
import { useI18n } from '../i18n';
import { DiffView, type Change } from './diff-view';
import { ErrorMessage, Loading } from './status';

export interface Comparable {
  id: string;
  label: string;
}

const DIFF = `query ConsoleDiff($from: ID!, $to: ID!) { diff(from: $from, to: $to) { changes { criticality message coordinate } fromSdl toSdl } }`;

/** Pick any two versions (or compositions) and see what changed between them. */
export function Compare({ options }: { options: Comparable[] }) {
  const { t } = useI18n();
  const [from, setFrom] = useState(options[1]?.id ?? options[0]?.id ?? '');
  const [to, setTo] = useState(options[0]?.id ?? '');
  const [asked, setAsked] = useState<{ from: string; to: string } | null>(null);
  if (options.length < 2) return null;
  return (
    <section aria-labelledby="compare-title">
      <h3 id="compare-title">{t('schema.compare')}</h3>
      <form
        className="toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          setAsked({ from, to });
        }}
      >
        <Choice label={t('schema.from')} value={from} options={options} onChange={setFrom} />
        <Choice label={t('schema.to')} value={to} options={options} onChange={setTo} />
        <button type="submit">{t('schema.showDiff')}</button>
      </form>
      {asked && <DiffOf from={asked.from} to={asked.to} />}
    </section>
  );
}

function Choice(props: { label: string; value: string; options: Comparable[]; onChange: (id: string) => void }) {
  return (
    <label className="inline">
      {props.label}{' '}
      <select value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        {props.options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function DiffOf({ from, to }: { from: string; to: string }) {
  const { registry } = useSession();
  const { data, error, loading, reload } = useQuery<{ diff: { changes: Change[]; fromSdl: string; toSdl: string } }>(registry, DIFF, {
    from,
    to,
  });
  if (loading && !data) return <Loading />;
  if (error) return <ErrorMessage error={error} onRetry={reload} />;
  return data ? <DiffView changes={data.diff.changes} fromSdl={data.diff.fromSdl} toSdl={data.diff.toSdl} /> : null;
}
