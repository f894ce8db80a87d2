import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/en';

/** A column: its heading's words, right-aligned when it holds numbers, or read to screen readers only. */
export type Column = MessageKey | { key: MessageKey; number?: boolean; hidden?: boolean };

/** Every table's heading row, the same way on every page. */
export function TableHead({ columns }: { columns: readonly (Column | false)[] }) {
  const { t } = useI18n();
  return (
    <thead>
      <tr>
        {columns
          .filter((column): column is Column => column !== false)
          .map((column) => {
            const { key, number, hidden } = typeof column === 'string' ? { key: column } : column;
            return (
              <th key={key} scope="col" className={number ? 'number' : undefined}>
                {hidden ? <span className="visually-hidden">{t(key)}</span> : t(key)}
              </th>
            );
          })}
      </tr>
    </thead>
  );
}
