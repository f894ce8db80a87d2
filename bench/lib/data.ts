import { withBenchDatabase } from './database';

export const BENCH_NAME_PREFIX = 'Bench village ';

export interface GeneratedData {
  /** Generated communities before this run. */
  before: number;
  inserted: number;
  /** Every community in the directory (generated and demo) after this run. */
  communities: number;
  adminAreas: number;
  ms: number;
}

/**
 * Makes sure the directory holds `target` generated communities, "Bench village 1" … "Bench village
 * N", spread evenly over every admin-2 area of the six countries, with coordinates inside the
 * country and one of its languages. Village n always lands in the same area, so a rerun (or a larger
 * target) adds only what is missing; the unique index on (admin_pcode, search_key(name)) and
 * ON CONFLICT DO NOTHING make it safe to run twice at once. Written with SQL rather than the
 * createCommunity mutation: 5,000 validated writes would take longer than the benchmark itself.
 */
export async function ensureBenchCommunities(databaseUrl: string, target: number): Promise<GeneratedData> {
  const started = Date.now();
  return withBenchDatabase(databaseUrl, async (client, count) => {
    const pattern = `${BENCH_NAME_PREFIX}%`;
    const before = await count(`SELECT count(*) AS n FROM community WHERE name LIKE $1`, [pattern]);
    const adminAreas = await count(`SELECT count(*) AS n FROM admin_area WHERE level = 2`);
    if (adminAreas === 0) throw new Error('the directory has no admin-2 areas: has its seed (migrations and reference data) run?');

    let inserted = 0;
    if (before < target) {
      const result = await client.query(
        `WITH area AS (
           SELECT pcode, country_code, (row_number() OVER (ORDER BY pcode) - 1)::int AS i
           FROM admin_area WHERE level = 2
         ),
         spoken AS (
           SELECT cc AS country_code, array_agg(code ORDER BY code) AS codes
           FROM language, unnest(country_codes) AS cc
           GROUP BY cc
         ),
         village AS (SELECT n FROM generate_series(1, $1::int) AS n)
         INSERT INTO community (name, admin_pcode, country_code, latitude, longitude, language_codes)
         SELECT $2 || v.n,
                a.pcode,
                a.country_code,
                c.min_latitude + (c.max_latitude - c.min_latitude) * ((v.n * 7919) % 1000 + 0.5) / 1000,
                c.min_longitude + (c.max_longitude - c.min_longitude) * ((v.n * 104729) % 1000 + 0.5) / 1000,
                CASE WHEN s.codes IS NULL THEN '{}'::text[]
                     ELSE ARRAY[s.codes[1 + v.n % cardinality(s.codes)]] END
         FROM village v
         JOIN area a ON a.i = (v.n - 1) % $3::int
         JOIN country c ON c.code = a.country_code
         LEFT JOIN spoken s ON s.country_code = a.country_code
         ON CONFLICT DO NOTHING`,
        [target, BENCH_NAME_PREFIX, adminAreas],
      );
      inserted = result.rowCount ?? 0;
      // Fresh statistics, so the planner sees 5,000 rows and not the handful of demo communities.
      await client.query('ANALYZE community');
    }
    const communities = await count(`SELECT count(*) AS n FROM community`);
    return { before, inserted, communities, adminAreas, ms: Date.now() - started };
  });
}

/** Generated communities as the other subgraphs store them: the keys and where they lie. */
export interface BenchVillages {
  ids: string[];
  names: string[];
  /** Each village's admin-2 P-code (where the data step put it). */
  adminPcodes: string[];
  /** The admin-1 area (region) above it. */
  regionPcodes: string[];
  countryCodes: string[];
  /** The village's language (one, from its country's), or null. */
  languageCodes: (string | null)[];
}

/**
 * The generated communities in village-number order, optionally of some countries only, read from the
 * directory database: the other subgraphs' data steps copy their keys and places, as their services
 * do from the directory at write time.
 */
export async function readBenchVillages(databaseUrl: string, countries?: readonly string[]): Promise<BenchVillages> {
  return withBenchDatabase(databaseUrl, async (client) => {
    const { rows } = await client.query<{
      id: string;
      name: string;
      admin_pcode: string;
      region_pcode: string | null;
      country_code: string;
      language_code: string | null;
    }>(
      `SELECT c.id, c.name, c.admin_pcode, a.parent_pcode AS region_pcode, c.country_code, c.language_codes[1] AS language_code
       FROM community c JOIN admin_area a ON a.pcode = c.admin_pcode
       WHERE c.name ~ ('^' || $1 || '[0-9]+$') AND ($2::text[] IS NULL OR c.country_code = ANY($2))
       ORDER BY substring(c.name FROM char_length($1) + 1)::int`,
      [BENCH_NAME_PREFIX, countries ?? null],
    );
    const orphan = rows.find((row) => !row.region_pcode);
    if (orphan) throw new Error(`generated community ${orphan.id} lies in ${orphan.admin_pcode}, which has no parent area`);
    return {
      ids: rows.map((r) => r.id),
      names: rows.map((r) => r.name),
      adminPcodes: rows.map((r) => r.admin_pcode),
      regionPcodes: rows.map((r) => r.region_pcode!),
      countryCodes: rows.map((r) => r.country_code),
      languageCodes: rows.map((r) => r.language_code),
    };
  });
}
