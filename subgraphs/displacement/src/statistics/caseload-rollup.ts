import {
  DISPLACEMENT_SEXES,
  REINTEGRATION_AGE_GROUPS,
  REINTEGRATION_ASSISTANCE_KINDS,
  REINTEGRATION_CATEGORIES,
  REINTEGRATION_STATUSES,
} from '../common/displacement-values';

/**
 * The reintegration caseload kept per admin-2 area, programme, owner and month of registration
 * (`reintegration_caseload`): the cases, the cases with each value of every breakdown, and the cases
 * given each kind of assistance. A caseload answer then sums a few thousand rows instead of counting
 * every case and its assistance, and the disclosure control above it is unchanged.
 *
 * Kept by statement triggers on `reintegration_case` and `reintegration_assistance`, in the writing
 * transaction whatever writes (the services, the bench generator, a correction or deletion by hand):
 * a rolled-back write takes its change of the rollup with it. Each trigger adds what the statement's
 * rows count now and takes away what they counted before (transition tables), so registrations,
 * status changes, corrections and deletions are all one rule.
 */

/** One count column per value of a breakdown, e.g. category_former_combatant. */
interface CountColumn {
  column: string;
  /** The case's contribution (0 or 1), as SQL over a case row `c`. */
  of: string;
}

const valueColumns = (prefix: string, field: string, values: readonly string[]): CountColumn[] =>
  values.map((value) => {
    const name = value.toLowerCase();
    // AGE_15_17 is age_15_17, not age_age_15_17.
    return { column: name.startsWith(`${prefix}_`) ? name : `${prefix}_${name}`, of: `(c.${field} = '${value}')::int` };
  });

/** The breakdowns' columns, in the order of each vocabulary; the caseload reads them back by that order. */
export const CASELOAD_BREAKDOWN_COLUMNS = {
  CATEGORY: valueColumns('category', 'category', REINTEGRATION_CATEGORIES),
  SEX: valueColumns('sex', 'sex', DISPLACEMENT_SEXES),
  AGE_GROUP: valueColumns('age', 'age_group', REINTEGRATION_AGE_GROUPS),
  STATUS: valueColumns('status', 'status', REINTEGRATION_STATUSES),
  // A case given a kind twice counts once under it: whether any assistance of the kind is on record.
  ASSISTANCE: REINTEGRATION_ASSISTANCE_KINDS.map((kind) => ({
    column: `assisted_${kind.toLowerCase()}`,
    of: `(EXISTS (SELECT 1 FROM reintegration_assistance a WHERE a.case_id = c.id AND a.kind = '${kind}'))::int`,
  })),
} as const satisfies Record<string, CountColumn[]>;

const COUNTS: CountColumn[] = [{ column: 'cases', of: '1' }, ...Object.values(CASELOAD_BREAKDOWN_COLUMNS).flat()];
export const CASELOAD_COUNT_COLUMNS: readonly string[] = COUNTS.map((c) => c.column);

const KEY = ['owner_org', 'programme_id', 'admin_pcode', 'registered_month'];
/** The month of a case's registration: the rollup's period. */
const MONTH_OF_CASE = `date_trunc('month', c.registered_on)::date`;

/**
 * The table, for the migration. No CHECK (count >= 0): PostgreSQL checks the row an upsert proposes
 * (a delta, negative when cases go) before it finds the row to add it to.
 */
export const CREATE_CASELOAD_TABLE = `CREATE TABLE reintegration_caseload (
  owner_org uuid NOT NULL,
  programme_id uuid NOT NULL,
  admin_pcode text NOT NULL,
  registered_month date NOT NULL CHECK (extract(day FROM registered_month) = 1),
  admin1_pcode text NOT NULL,
  country_code char(2) NOT NULL,
  ${COUNTS.map((c) => `${c.column} integer NOT NULL`).join(',\n  ')},
  PRIMARY KEY (${KEY.join(', ')})
)`;

/**
 * Adds to the rollup what the case rows of `source` count (each with a `sign` column: 1 to add, -1 to
 * take away), grouped by key, in key order so that concurrent writes on the same rows wait for each
 * other rather than deadlock. Assistance is read from the table as it is when this runs.
 */
export function addCasesToCaseloadSql(source: string): string {
  return `INSERT INTO reintegration_caseload (${KEY.join(', ')}, admin1_pcode, country_code, ${CASELOAD_COUNT_COLUMNS.join(', ')})
    SELECT c.owner_org, c.programme_id, c.admin_pcode, ${MONTH_OF_CASE}, min(c.admin1_pcode), min(c.country_code),
           ${COUNTS.map((count) => `sum(c.sign * ${count.of})`).join(', ')}
    FROM (${source}) AS c
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (${KEY.join(', ')}) DO UPDATE SET
      ${CASELOAD_COUNT_COLUMNS.map((column) => `${column} = reintegration_caseload.${column} + EXCLUDED.${column}`).join(',\n      ')}`;
}

/** The backfill of the migration (and a rebuild after removing generated cases): every case, from nothing. */
export const FILL_CASELOAD = addCasesToCaseloadSql('SELECT 1 AS sign, c.* FROM reintegration_case c');

/**
 * A change of assistance rows moves the kinds of their cases: for each case and kind the statement
 * touched, 1 if the kind is on record now and was not before, -1 the other way. "Before" is what is on
 * record now less the statement's new rows, plus its old ones (`newRows`, `oldRows`: whether the event
 * has them). Written as joins of whole sets, so a statement of 200,000 rows costs hash joins, not a scan
 * of the transition table per row. The cases are locked first, so that two transactions adding the
 * same kind to one case count it once (the second reads after the first commits).
 */
function assistanceDeltaSql(newRows: boolean, oldRows: boolean): string {
  const changed = [newRows ? 'SELECT case_id, kind FROM new_rows' : '', oldRows ? 'SELECT case_id, kind FROM old_rows' : '']
    .filter(Boolean)
    .join(' UNION ');
  const onRecord = `SELECT DISTINCT a.case_id, a.kind FROM reintegration_assistance a JOIN touched_cases t ON t.case_id = a.case_id`;
  const before = [
    newRows ? `${onRecord} WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.id = a.id)` : onRecord,
    oldRows ? 'SELECT case_id, kind FROM old_rows' : '',
  ]
    .filter(Boolean)
    .join(' UNION ');
  const kinds = CASELOAD_BREAKDOWN_COLUMNS.ASSISTANCE;
  return `WITH touched AS (SELECT DISTINCT case_id, kind FROM (${changed}) AS changed),
         touched_cases AS (SELECT DISTINCT case_id FROM touched),
         now_on_record AS (${onRecord}),
         before_on_record AS (${before}),
         delta AS (
           SELECT t.case_id, t.kind, (n.case_id IS NOT NULL)::int - (b.case_id IS NOT NULL)::int AS moved
           FROM touched t
           LEFT JOIN now_on_record n ON n.case_id = t.case_id AND n.kind = t.kind
           LEFT JOIN before_on_record b ON b.case_id = t.case_id AND b.kind = t.kind
         )
    INSERT INTO reintegration_caseload (${KEY.join(', ')}, admin1_pcode, country_code, ${CASELOAD_COUNT_COLUMNS.join(', ')})
    SELECT c.owner_org, c.programme_id, c.admin_pcode, ${MONTH_OF_CASE}, min(c.admin1_pcode), min(c.country_code),
           ${COUNTS.map((count) => {
             const kind = REINTEGRATION_ASSISTANCE_KINDS.find((k) => `assisted_${k.toLowerCase()}` === count.column);
             return kind ? `coalesce(sum(d.moved) FILTER (WHERE d.kind = '${kind}'), 0)` : '0';
           }).join(', ')}
    FROM delta d JOIN reintegration_case c ON c.id = d.case_id
    WHERE d.moved <> 0
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (${KEY.join(', ')}) DO UPDATE SET
      ${kinds.map(({ column }) => `${column} = reintegration_caseload.${column} + EXCLUDED.${column}`).join(',\n      ')}`;
}

const LOCK_CASES = (rows: string) =>
  `PERFORM 1 FROM reintegration_case WHERE id IN (SELECT case_id FROM ${rows}) ORDER BY id FOR NO KEY UPDATE;`;

/**
 * The rollup's version, one row moved by every transaction that writes cases or assistance, in it
 * (CASELOAD_VERSION_FIRST): a reader that sees the version sees the rollup at that version (the kept caseloads,
 * repositories.ts).
 */
export const CREATE_CASELOAD_VERSION: readonly string[] = [
  `CREATE TABLE reintegration_caseload_version (one boolean PRIMARY KEY DEFAULT true CHECK (one), version bigint NOT NULL)`,
  `INSERT INTO reintegration_caseload_version (version) VALUES (1)`,
];
const MOVE_VERSION = `UPDATE reintegration_caseload_version SET version = version + 1;`;

/**
 * For `npm run rollups` (scripts/platform/rollups.ts): the tables the caseload counts, the rollup, the
 * fill the migration runs, and the version moved afterwards, since a rebuild changes the rollup too and
 * processes must drop the caseloads they kept. A row whose counts are all zero counts nothing.
 */
export const CASELOAD_REBUILD = {
  sources: ['reintegration_case', 'reintegration_assistance'],
  rollups: [{ table: 'reintegration_caseload', empty: CASELOAD_COUNT_COLUMNS.map((c) => `${c} = 0`).join(' AND ') }],
  fill: [FILL_CASELOAD],
  after: [MOVE_VERSION],
};

/**
 * The trigger functions that keep the rollup; `moveVersion`: whether each also moves the version at its
 * end, as ReintegrationCaseload1765400000000 made them, before the version had its own trigger
 * (CASELOAD_VERSION_FIRST).
 */
const caseloadFunctions = (moveVersion: boolean): string[] => [
  `CREATE OR REPLACE FUNCTION reintegration_caseload_cases() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_OP = 'INSERT' THEN
       ${addCasesToCaseloadSql('SELECT 1 AS sign, n.* FROM new_rows n')};
     ELSIF TG_OP = 'DELETE' THEN
       ${addCasesToCaseloadSql('SELECT -1 AS sign, o.* FROM old_rows o')};
     ELSE
       ${addCasesToCaseloadSql('SELECT -1 AS sign, o.* FROM old_rows o UNION ALL SELECT 1 AS sign, n.* FROM new_rows n')};
     END IF;
     ${moveVersion ? MOVE_VERSION : ''}
     RETURN NULL;
   END $$`,
  `CREATE OR REPLACE FUNCTION reintegration_caseload_assistance() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_OP = 'INSERT' THEN
       ${LOCK_CASES('new_rows')}
       ${assistanceDeltaSql(true, false)};
     ELSIF TG_OP = 'DELETE' THEN
       ${LOCK_CASES('old_rows')}
       ${assistanceDeltaSql(false, true)};
     ELSE
       ${LOCK_CASES('(SELECT case_id FROM old_rows UNION SELECT case_id FROM new_rows) AS touched')}
       ${assistanceDeltaSql(true, true)};
     END IF;
     ${moveVersion ? MOVE_VERSION : ''}
     RETURN NULL;
   END $$`,
];

/** The trigger functions and triggers, for the migration; each event has its own (transition tables allow one event). */
export const CREATE_CASELOAD_TRIGGERS: readonly string[] = [
  ...caseloadFunctions(true),
  ...(['INSERT', 'UPDATE', 'DELETE'] as const).flatMap((event) => {
    const tables = {
      INSERT: 'NEW TABLE AS new_rows',
      UPDATE: 'OLD TABLE AS old_rows NEW TABLE AS new_rows',
      DELETE: 'OLD TABLE AS old_rows',
    }[event];
    return [
      `CREATE TRIGGER reintegration_caseload_${event.toLowerCase()} AFTER ${event} ON reintegration_case
       REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION reintegration_caseload_cases()`,
      `CREATE TRIGGER reintegration_caseload_assistance_${event.toLowerCase()} AFTER ${event} ON reintegration_assistance
       REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION reintegration_caseload_assistance()`,
    ];
  }),
];

const truncatedFunction = (moveVersion: boolean): string =>
  `CREATE OR REPLACE FUNCTION reintegration_caseload_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     TRUNCATE reintegration_caseload;
     ${FILL_CASELOAD};
     ${moveVersion ? MOVE_VERSION : ''}
     RETURN NULL;
   END $$`;

/**
 * TRUNCATE has no transition tables, so its triggers rebuild the rollup from the rows left: the rollup is
 * emptied with TRUNCATE, whose lock waits for every transaction that has written rollup rows to end
 * (their cases are then committed and counted by the fill) and holds off those still to write them
 * until this one commits (they then add their delta to the rebuilt rollup). Truncating the cases
 * (CASCADE, with their assistance) leaves it empty; truncating the assistance leaves every case
 * counted with no kind. A truncate is an operator's act: a writer caught between it and the rollup's
 * lock may deadlock with it, and PostgreSQL then rolls one of them back; no count is ever wrong.
 */
export const CREATE_CASELOAD_TRUNCATE_TRIGGERS: readonly string[] = [
  truncatedFunction(true),
  ...['reintegration_case', 'reintegration_assistance'].map(
    (table) => `CREATE TRIGGER ${table === 'reintegration_case' ? 'reintegration_caseload' : 'reintegration_caseload_assistance'}_truncate
     AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION reintegration_caseload_truncated()`,
  ),
];

/**
 * The version moved once per transaction, by a BEFORE statement trigger, so before the statement locks
 * any case, assistance or rollup row: every transaction that writes the caseload locks the one version
 * row first and holds it to its end. Moved by the rollup's triggers at the end of each statement, after
 * its rollup rows, a transaction writing cases under two rollup keys in two statements could deadlock
 * against another doing the same in the other order; now such writers wait for each other in turn. The
 * readers only need it to move at least once in a committed write (they read it with the rollup in one
 * snapshot). A TRUNCATE takes its table's lock before its BEFORE trigger runs (see above).
 */
export const CASELOAD_VERSION_FIRST: readonly string[] = [
  `CREATE FUNCTION reintegration_caseload_version_moved() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF current_setting('displacement.caseload_version_moved', true) IS DISTINCT FROM 'on' THEN
       ${MOVE_VERSION}
       PERFORM set_config('displacement.caseload_version_moved', 'on', true);
     END IF;
     RETURN NULL;
   END $$`,
  ...['reintegration_case', 'reintegration_assistance'].map(
    (table) => `CREATE TRIGGER ${table}_caseload_version BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
     FOR EACH STATEMENT EXECUTE FUNCTION reintegration_caseload_version_moved()`,
  ),
  ...caseloadFunctions(false),
  truncatedFunction(false),
];

/** Undoes CASELOAD_VERSION_FIRST: each statement's triggers move the version again. */
export const DROP_CASELOAD_VERSION_FIRST: readonly string[] = [
  ...['reintegration_case', 'reintegration_assistance'].map((table) => `DROP TRIGGER ${table}_caseload_version ON ${table}`),
  `DROP FUNCTION reintegration_caseload_version_moved()`,
  ...caseloadFunctions(true),
  truncatedFunction(true),
];

/** What one case counts in every column, as SQL over a case row `c`: the rollup's columns for the days at either end. */
export const CASE_COUNTS_SQL = COUNTS.map((count) => `${count.of} AS ${count.column}`).join(', ');
