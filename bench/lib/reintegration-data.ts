import { withBenchDatabase } from './database';
import { BENCH_WRITER } from './curriculum-data';
import type { BenchVillages } from './data';
import { DISPLACEMENT_OWNER } from './organisations';

const PROGRAMME_KEY = 'bench:programme:';
const CASE_KEY = 'bench:reintegration:';
/** Three years of registrations, up to two weeks ago; programmes start a month before the first. */
const YEARS_OF_CASES = 3;

/** Slots of the table a case's area is drawn from: an area's share of the cases. */
const AREA_SLOTS = 10_000;

/**
 * Which area a case falls in, as a table of AREA_SLOTS area indexes (case n takes the slot its hash
 * names): in an order mixing the countries (a hash of the P-code), one area in seven is a quiet one
 * with 2 slots (about 20 cases of 100,000), the others share the rest by a weight 1/(rank + 1).
 */
function areaSlots(pcodes: readonly string[]): number[] {
  // FNV-1a: neighbouring P-codes land far apart.
  const hash = (text: string) => [...text].reduce((h, ch) => Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0, 2166136261);
  const order = pcodes.map((pcode, i) => ({ i, h: hash(pcode) })).sort((a, b) => a.h - b.h || a.i - b.i);
  const quiet = order.filter((_, rank) => rank % 7 === 6);
  const busy = order.filter((_, rank) => rank % 7 !== 6);
  const weights = busy.map((_, rank) => 1 / (rank + 1));
  const left = AREA_SLOTS - 2 * quiet.length;
  const total = weights.reduce((a, b) => a + b, 0);
  const slots = quiet.flatMap((area) => [area.i, area.i]);
  busy.forEach((area, rank) => slots.push(...Array<number>(Math.max(3, Math.round((left * weights[rank]!) / total))).fill(area.i)));
  return slots;
}

export interface GeneratedReintegrationCases {
  before: number;
  inserted: number;
  assistanceInserted: number;
  cases: number;
  programmes: number;
  adminAreas: number;
  ms: number;
}

/**
 * Makes sure the displacement subgraph holds `target` generated reintegration cases of the
 * Liptako-Gourma Mobility Agency in the admin-2 areas of the generated villages' countries (Mali,
 * Burkina Faso, Niger), with the assistance their status needs. Two programmes per country (a DDRR and
 * a violence-reduction one, `B<kind><country>`), covering the country's regions. Areas are not equal
 * (see areaSlots): a few hold thousands of cases, most a few hundred, one in seven a score, so that the
 * small cells of the lesser categories and statuses are withheld from other partners and disclosure
 * control has real work. From a hash of n: category (30 % former combatants, 15 %
 * associated persons, 25 % IDPs, 18 % returnees, 12 % community members; a minor is never a former
 * combatant), sex (72 % men), age group, programme, and a status reached along the service's own path
 * (12 % registered, 5 % dropped out before any assistance, 35 % in assistance, 10 % dropped out after
 * it, 38 % reintegrated), with one to three kinds of assistance for every case that received some.
 * Registrations spread over three years up to two weeks ago, in case order; every date in order and
 * none in the future; beneficiary codes `<programme>-<n>` (numbers never reused: the programme's
 * counter is moved past them).
 *
 * Set-based, in one transaction: the programmes, then the missing cases (clientMutationId
 * `bench:reintegration:<n>`, ON CONFLICT DO NOTHING), then the assistance of the generated cases that
 * have none yet, each statement on its own so that the subgraph's caseload triggers add each to the
 * rollup once. Then VACUUM (ANALYZE).
 */
export async function ensureBenchReintegrationCases(
  databaseUrl: string,
  villages: BenchVillages,
  target: number,
): Promise<GeneratedReintegrationCases> {
  const started = Date.now();
  const areas = new Map<string, { region: string; country: string }>();
  villages.adminPcodes.forEach((pcode, i) => areas.set(pcode, { region: villages.regionPcodes[i]!, country: villages.countryCodes[i]! }));
  const pcodes = [...areas.keys()].sort();
  return withBenchDatabase(databaseUrl, async (client, count) => {
    const generated = () =>
      count(`SELECT count(*) AS n FROM reintegration_case WHERE owner_org = $1 AND client_mutation_id LIKE $2`, [
        DISPLACEMENT_OWNER,
        `${CASE_KEY}%`,
      ]);
    const before = await generated();
    let inserted = 0;
    let assistanceInserted = 0;
    if (before < target) {
      await client.query('SET synchronous_commit = on');
      await client.query('BEGIN');
      const countries = [...new Set(pcodes.map((p) => areas.get(p)!.country))].sort();
      for (const country of countries) {
        const regions = [...new Set(pcodes.filter((p) => areas.get(p)!.country === country).map((p) => areas.get(p)!.region))].sort();
        for (const [kind, short, name] of [
          ['DISENGAGEMENT_DISASSOCIATION_REINTEGRATION_RECONCILIATION', 'DDR', 'reintegration of former fighters'],
          ['COMMUNITY_VIOLENCE_REDUCTION', 'CVR', 'community violence reduction'],
        ] as const) {
          const code = `B${short}${country}`;
          await client.query(
            `INSERT INTO reintegration_programme (owner_org, created_by, client_mutation_id, code, kind, name, admin_pcodes, starts_on)
             VALUES ($1, $2, $3, $4, $5, $6, $7, current_date - interval '${YEARS_OF_CASES} years' - interval '44 days')
             ON CONFLICT DO NOTHING`,
            [DISPLACEMENT_OWNER, BENCH_WRITER, `${PROGRAMME_KEY}${code}`, code, kind, `Bench ${name}, ${country}`, regions],
          );
        }
      }
      const result = await client.query(
        `WITH area AS MATERIALIZED (
           SELECT a.admin2, a.admin1, a.country, a.i - 1 AS i
           FROM unnest($3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS a(admin2, admin1, country, i)
         ),
         numbered AS (
           SELECT n, abs(hashtext('reintegration' || n)) AS h,
                  ($7::int[])[1 + abs(hashtext('reintegration-area' || n)) % cardinality($7::int[])] AS i,
                  (current_date - 14 - ((($6::bigint - n) * ${YEARS_OF_CASES * 365}) / $6::bigint)::int) AS registered_on
           FROM generate_series(1, $6::int) AS n
         ),
         shaped AS (
           SELECT x.*, area.admin2, area.admin1, area.country,
                  CASE WHEN x.h % 100 < 4 THEN 'UNDER_15' WHEN x.h % 100 < 10 THEN 'AGE_15_17' WHEN x.h % 100 < 35 THEN 'AGE_18_24'
                       WHEN x.h % 100 < 70 THEN 'AGE_25_35' WHEN x.h % 100 < 95 THEN 'AGE_36_59' ELSE 'AGE_60_PLUS' END AS age_group,
                  CASE WHEN x.h / 100 % 100 < 30 THEN 'FORMER_COMBATANT' WHEN x.h / 100 % 100 < 45 THEN 'ASSOCIATED_PERSON'
                       WHEN x.h / 100 % 100 < 70 THEN 'IDP' WHEN x.h / 100 % 100 < 88 THEN 'RETURNEE' ELSE 'COMMUNITY_MEMBER' END AS category,
                  CASE WHEN x.h / 10000 % 100 < 72 THEN 'MALE' ELSE 'FEMALE' END AS sex,
                  CASE WHEN x.h / 1000000 % 100 < 12 THEN 'REGISTERED' WHEN x.h / 1000000 % 100 < 17 THEN 'DROPPED_OUT'
                       WHEN x.h / 1000000 % 100 < 52 THEN 'IN_ASSISTANCE' WHEN x.h / 1000000 % 100 < 62 THEN 'DROPPED_OUT'
                       ELSE 'REINTEGRATED' END AS status,
                  x.h / 1000000 % 100 BETWEEN 12 AND 16 AS never_assisted,
                  CASE WHEN x.h / 100000000 % 2 = 0 THEN 'DDR' ELSE 'CVR' END AS programme_kind
           FROM numbered x JOIN area ON area.i = x.i
         )
         INSERT INTO reintegration_case (owner_org, created_by, client_mutation_id, programme_id, beneficiary_code, category, sex, age_group,
                                         admin_pcode, admin1_pcode, country_code, registered_on, status, status_since)
         SELECT $1::uuid, $2::text, $8::text || s.n, p.id, p.code || '-' || lpad(s.n::text, 6, '0'),
                -- A child associated with an armed group is never registered as a former combatant.
                CASE WHEN s.category = 'FORMER_COMBATANT' AND s.age_group IN ('UNDER_15', 'AGE_15_17') THEN 'ASSOCIATED_PERSON' ELSE s.category END,
                s.sex, s.age_group, s.admin2, s.admin1, s.country, s.registered_on, s.status,
                CASE WHEN s.status = 'REGISTERED' THEN s.registered_on
                     WHEN s.status = 'IN_ASSISTANCE' THEN least(s.registered_on + 3, current_date)
                     WHEN s.status = 'DROPPED_OUT' AND s.never_assisted THEN least(s.registered_on + 30, current_date)
                     WHEN s.status = 'DROPPED_OUT' THEN least(s.registered_on + 120, current_date)
                     ELSE least(s.registered_on + 240, current_date) END
         FROM shaped s JOIN reintegration_programme p ON p.code = 'B' || s.programme_kind || s.country
         ORDER BY s.n
         ON CONFLICT DO NOTHING`,
        [
          DISPLACEMENT_OWNER,
          BENCH_WRITER,
          pcodes,
          pcodes.map((p) => areas.get(p)!.region),
          pcodes.map((p) => areas.get(p)!.country),
          target,
          areaSlots(pcodes),
          CASE_KEY,
        ],
      );
      inserted = result.rowCount ?? 0;
      // A statement of its own: the caseload triggers of the cases have run, those of assistance add the kinds.
      const assistance = await client.query(
        `WITH assisted AS (
           SELECT c.id, c.owner_org, c.registered_on, c.status, abs(hashtext('reintegration-assistance' || c.client_mutation_id)) AS h
           FROM reintegration_case c
           WHERE c.owner_org = $1::uuid AND c.client_mutation_id LIKE $3::text || '%' AND c.status <> 'REGISTERED'
             -- the cases that dropped out before any assistance, by the hash that gave them their status
             AND abs(hashtext('reintegration' || substr(c.client_mutation_id, length($3::text) + 1))) / 1000000 % 100 NOT BETWEEN 12 AND 16
             AND NOT EXISTS (SELECT 1 FROM reintegration_assistance a WHERE a.case_id = c.id)
         )
         INSERT INTO reintegration_assistance (case_id, owner_org, kind, started_on, ended_on, created_by)
         SELECT s.id, s.owner_org, (ARRAY['PSYCHOSOCIAL', 'HEALTH', 'SHELTER', 'SOCIO_ECONOMIC', 'EDUCATION', 'LIVELIHOOD'])[1 + (s.h + j * 2) % 6],
                least(s.registered_on + 3 + 7 * j, current_date),
                CASE WHEN j < kinds - 1 THEN least(s.registered_on + 63 + 7 * j, current_date) END,
                $2::text
         FROM (SELECT a.*, CASE WHEN a.status = 'REINTEGRATED' THEN 2 + a.h % 2 ELSE 1 + a.h % 3 END AS kinds FROM assisted a) AS s
         CROSS JOIN LATERAL generate_series(0, s.kinds - 1) AS j
         ORDER BY s.registered_on, s.id, j`,
        [DISPLACEMENT_OWNER, BENCH_WRITER, CASE_KEY],
      );
      assistanceInserted = assistance.rowCount ?? 0;
      await client.query(
        `UPDATE reintegration_programme p SET last_case_number = greatest(p.last_case_number, (
           SELECT max(substring(c.beneficiary_code FROM '-([0-9]+)$')::int) FROM reintegration_case c WHERE c.programme_id = p.id))
         WHERE p.client_mutation_id LIKE $1 AND p.owner_org = $2`,
        [`${PROGRAMME_KEY}%`, DISPLACEMENT_OWNER],
      );
      await client.query('COMMIT');
      for (const table of ['reintegration_programme', 'reintegration_case', 'reintegration_assistance', 'reintegration_caseload'])
        await client.query(`VACUUM (ANALYZE) ${table}`);
    }
    return {
      before,
      inserted,
      assistanceInserted,
      cases: await generated(),
      programmes: await count(`SELECT count(*) AS n FROM reintegration_programme WHERE client_mutation_id LIKE $1`, [`${PROGRAMME_KEY}%`]),
      adminAreas: pcodes.length,
      ms: Date.now() - started,
    };
  });
}
