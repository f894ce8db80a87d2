import type { ConsoleError } from '../api/client';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/en';

const KNOWN = new Set([
  'UNREACHABLE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
]);

/** A polite live region: screen readers hear that something is loading without losing their place. */
export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label ?? t('loading')}
    </p>
  );
}

/** An error in plain words, with what to do, each problem with its field; optionally a retry. */
export function ErrorMessage({ error, onRetry }: { error: ConsoleError; onRetry?: () => void }) {
  const { t } = useI18n();
  const code = KNOWN.has(error.code) ? error.code : 'other';
  const fields = error.problems.filter((p) => p.field);
  return (
    <div className="error" role="alert">
      <p>{t(`error.${code}` as MessageKey, { detail: error.message })}</p>
      {fields.length > 1 && (
        <ul>
          {fields.map((p) => (
            <li key={`${p.field}:${p.message}`}>
              <code>{p.field}</code>: {p.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}

export function Notice({ children }: { children: React.ReactNode }) {
  return (
    <p className="notice" role="status">
      {children}
    </p>
  );
}

export type DataClass = 'PUBLIC' | 'PARTNER' | 'SENSITIVE';

export function DataClassBadge({ value }: { value: DataClass | null }) {
  const { t } = useI18n();
  return <span className={`badge class-${(value ?? 'none').toLowerCase()}`}>{value ? t(`class.${value}`) : t('class.none')}</span>;
}

export const PERIODS = [1, 24, 168, 720] as const;

/** The period over which usage is read, in hours. */
export function PeriodSelect({ hours, onChange }: { hours: number; onChange: (hours: number) => void }) {
  const { t } = useI18n();
  return (
    <label className="inline">
      {t('period.label')}{' '}
      <select value={hours} onChange={(event) => onChange(Number(event.target.value))}>
        {PERIODS.map((h) => (
          <option key={h} value={h}>
            {h < 48 ? t('period.hours', { n: h }) : t('period.days', { n: h / 24 })}
          </option>
        ))}
      </select>
    </label>
  );
}
