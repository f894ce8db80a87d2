import { Client } from 'pg';
import { RECOMMENDATION_ADDRESSEES, RECOMMENDATION_THEMES } from '../../subgraphs/forums/src/common/values';
import { BENCH_WRITER } from './curriculum-data';
import type { BenchVillages } from './data';
import { FORUMS_OWNER } from './organisations';

const FORUM_KEY = 'bench:forum:';
const DECLARATION_KEY = 'bench:declaration:';
const RECOMMENDATION_KEY = 'bench:recommendation:';
/** Recommendations per generated declaration (one declaration per forum). */
export const RECOMMENDATIONS_PER_DECLARATION = 100;

export interface GeneratedRecommendations {
  before: number;
  inserted: number;
  /** Generated forums, declarations, recommendations and their texts (French originals and English translations) after this run. */
  forums: number;
  declarations: number;
  recommendations: number;
  recommendationTexts: number;
  ms: number;
}

/**
 * A recommendation is "<who> <does what> <how or why>", one phrase of each list picked by a hash of its
 * number, in French (the original) and English (the translation): 1,000 different texts over 30 phrases,
 * so that a word matches a realistic share of them. "réconciliation" is in two objects of ten and one
 * purpose of ten: about 28 % of the recommendations (1 − 0.8 × 0.9); "jeunes" about 27 %; "radios
 * communautaires", "alerte précoce", "puits" about 10 % each.
 */
const WHO: [string, string][] = [
  ['Les autorités locales doivent', 'Local authorities must'],
  ["Le gouvernement s'engage à", 'The government undertakes to'],
  ['Les chefs traditionnels et religieux sont invités à', 'Traditional and religious leaders are invited to'],
  ['Les organisations de la société civile doivent', 'Civil society organisations must'],
  ['Les partenaires techniques et financiers sont appelés à', 'Technical and financial partners are called upon to'],
  ['Les forces de défense et de sécurité doivent', 'The defence and security forces must'],
  ["Les communautés s'engagent à", 'Communities undertake to'],
  ['Les médias sont invités à', 'The media are invited to'],
  ['Les collectivités territoriales doivent', 'Local governments must'],
  ['Les organisations régionales sont appelées à', 'Regional bodies are called upon to'],
];
const WHAT: [string, string][] = [
  ['soutenir les comités de réconciliation intercommunautaires', 'support intercommunity reconciliation committees'],
  ['financer les radios communautaires en langues locales', 'fund community radio stations in local languages'],
  ["renforcer les mécanismes d'alerte précoce", 'strengthen early warning mechanisms'],
  ['créer des emplois pour les jeunes des zones rurales', 'create jobs for young people in rural areas'],
  ["réhabiliter les puits et les points d'eau pastoraux", 'rehabilitate wells and pastoral water points'],
  ['garantir la participation des femmes aux instances de décision', "guarantee women's participation in decision-making bodies"],
  ['organiser des rencontres de réconciliation avant la transhumance', 'hold reconciliation meetings before the transhumance season'],
  ['sécuriser les couloirs de passage du bétail', 'secure livestock corridors'],
  ['former les jeunes leaders à la médiation', 'train young leaders in mediation'],
  ['lutter contre les discours de haine sur les réseaux sociaux', 'combat hate speech on social media'],
];
const WHY: [string, string][] = [
  ['afin de consolider la paix et la cohésion sociale.', 'in order to consolidate peace and social cohesion.'],
  ['dans un délai de douze mois.', 'within twelve months.'],
  ['en concertation avec les chefs de village et de campement.', 'in consultation with village and camp chiefs.'],
  ['pour favoriser la réconciliation nationale.', 'to foster national reconciliation.'],
  ['avec un budget dédié et un suivi annuel.', 'with a dedicated budget and annual follow-up.'],
  ['en particulier dans les zones frontalières.', 'especially in border areas.'],
  ['en impliquant les jeunes et les femmes.', 'involving young people and women.'],
  ['conformément aux engagements de la déclaration.', 'in line with the commitments of the declaration.'],
  ['pour prévenir les conflits entre agriculteurs et éleveurs.', 'to prevent conflicts between farmers and herders.'],
  ['et rendre compte publiquement des progrès.', 'and report publicly on progress.'],
];

/**
 * Makes sure the forums subgraph holds `target` generated **published** recommendations (rounded up to
 * whole declarations of 100), owned by the Community Resilience Fund: one LOCAL forum per declaration in
 * a bench village (forum f in village ((f − 1) mod villages) + 1, its admin areas and country copied as
 * the service copies them), its published declaration with a French original and an English
 * translation, and its 100 recommendations (PENDING: no follow-up, so no status date), each with a
 * French original and an English translation. Dates from 2023 to 2025, every date rule of the CHECK
 * constraints kept (forums of three days, declaration adopted on the last day and published ten days
 * later, recommendations carrying their declaration's dates and forum, as the service copies them).
 *
 * Set-based and idempotent like the other generators: one INSERT … SELECT per table, each only for what
 * is missing (clientMutationId `bench:forum:<f>`, `bench:declaration:<f>`, `bench:recommendation:<n>`;
 * texts by the unique (record, language)), ON CONFLICT DO NOTHING, in one transaction, committed
 * synchronously, then VACUUM (ANALYZE) so that the planner and the GIN indexes see the rows.
 */
export async function ensureBenchRecommendations(
  databaseUrl: string,
  villages: BenchVillages,
  target: number,
): Promise<GeneratedRecommendations> {
  const started = Date.now();
  const client = new Client({ connectionString: databaseUrl, application_name: 'peacegraph-bench' });
  await client.connect();
  try {
    const count = async (sql: string, params: unknown[] = []) => Number((await client.query<{ n: string }>(sql, params)).rows[0]?.n ?? 0);
    const countRecommendations = () =>
      count(`SELECT count(*) AS n FROM recommendation WHERE owner_org = $1 AND client_mutation_id LIKE $2`, [
        FORUMS_OWNER,
        `${RECOMMENDATION_KEY}%`,
      ]);
    const before = await countRecommendations();
    await client.query('SET synchronous_commit = on');
    const forums = Math.ceil(target / RECOMMENDATIONS_PER_DECLARATION);
    if (before < forums * RECOMMENDATIONS_PER_DECLARATION) {
      if (villages.ids.length === 0) throw new Error('no generated communities to hold forums: set BENCH_COMMUNITIES above 0');
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO forum (owner_org, created_by, client_mutation_id, title, scope, starts_on, ends_on, community_id, admin_pcode, admin1_pcode,
                            country_code, convenor_ids, countries_represented)
         SELECT $1::uuid, $2::text, $3::text || f, 'Forum communal de ' || v.name || ' sur la cohésion sociale', 'LOCAL',
                DATE '2023-01-09' + (f * 7) % 1000, DATE '2023-01-09' + (f * 7) % 1000 + 2, v.id, v.admin_pcode, v.region_pcode,
                v.country_code, ARRAY[$1::uuid], ARRAY[v.country_code::text]
         FROM generate_series(1, $4::int) AS f
         JOIN unnest($5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[]) WITH ORDINALITY AS v(id, name, admin_pcode, region_pcode, country_code, i)
           ON v.i = (f - 1) % $10::int + 1
         WHERE NOT EXISTS (SELECT 1 FROM forum x WHERE x.owner_org = $1::uuid AND x.client_mutation_id = $3::text || f)
         ORDER BY DATE '2023-01-09' + (f * 7) % 1000, f
         ON CONFLICT DO NOTHING`,
        [
          FORUMS_OWNER,
          BENCH_WRITER,
          FORUM_KEY,
          forums,
          villages.ids,
          villages.names,
          villages.adminPcodes,
          villages.regionPcodes,
          villages.countryCodes,
          villages.ids.length,
        ],
      );
      // The bench forums, with their number f: what the statements below hang their rows on.
      const benchForums = `SELECT id AS forum_id, substr(client_mutation_id, length($3::text) + 1)::int AS f, ends_on, title
                           FROM forum WHERE owner_org = $1::uuid AND client_mutation_id LIKE $3::text || '%'`;
      await client.query(
        `INSERT INTO declaration (owner_org, created_by, client_mutation_id, forum_id, language, adopted_on, published_on, drafters)
         SELECT $1::uuid, $2::text, $4::text || b.f, b.forum_id, 'fra', b.ends_on, b.ends_on + 10, '[{"role": "Comité de rédaction du forum"}]'::jsonb
         FROM (${benchForums}) b
         WHERE b.f <= $5::int AND NOT EXISTS (SELECT 1 FROM declaration d WHERE d.owner_org = $1::uuid AND d.client_mutation_id = $4::text || b.f)
         ORDER BY b.ends_on, b.f
         ON CONFLICT DO NOTHING`,
        [FORUMS_OWNER, BENCH_WRITER, FORUM_KEY, DECLARATION_KEY, forums],
      );
      const benchDeclarations = `SELECT d.id AS declaration_id, d.forum_id, d.adopted_on, d.published_on, substr(d.client_mutation_id, length($3::text) + 1)::int AS f
                                 FROM declaration d WHERE d.owner_org = $1::uuid AND d.client_mutation_id LIKE $3::text || '%'`;
      await client.query(
        `INSERT INTO declaration_text (owner_org, created_by, declaration_id, language, title, body, original)
         SELECT $1::uuid, $2::text, d.declaration_id, t.language,
                CASE t.language WHEN 'fra' THEN 'Déclaration du forum communal n° ' || d.f ELSE 'Declaration of communal forum no. ' || d.f END,
                CASE t.language
                  WHEN 'fra' THEN 'Nous, participantes et participants au forum communal, réunis pendant trois jours, adoptons les recommandations suivantes et demandons à chacun de leurs destinataires de rendre compte de leur mise en œuvre.'
                  ELSE 'We, the participants in the communal forum, gathered for three days, adopt the following recommendations and ask each of their addressees to report on their implementation.'
                END,
                t.language = 'fra'
         FROM (${benchDeclarations}) d CROSS JOIN (VALUES ('fra'), ('eng')) AS t(language)
         ON CONFLICT DO NOTHING`,
        [FORUMS_OWNER, BENCH_WRITER, DECLARATION_KEY],
      );
      // Phrase lists are parameters 6–11 (French, English for each); a hash of the number picks one of each.
      const pick = (param: number, list: [string, string][], salt: string) =>
        `($${param}::text[])[1 + abs(hashtext('${salt}' || r.n)) % ${list.length}]`;
      const sentence = (first: number) =>
        `${pick(first, WHO, 'who')} || ' ' || ${pick(first + 2, WHAT, 'what')} || ' ' || ${pick(first + 4, WHY, 'why')}`;
      const inserted = await client.query<{ n: string }>(
        `WITH spec AS MATERIALIZED (
           SELECT d.*, (d.f - 1) * ${RECOMMENDATIONS_PER_DECLARATION} + k AS n, k AS number
           FROM (${benchDeclarations}) d CROSS JOIN generate_series(1, ${RECOMMENDATIONS_PER_DECLARATION}) AS k
           WHERE d.f <= $5::int
         ),
         missing AS MATERIALIZED (
           SELECT s.* FROM spec s
           WHERE NOT EXISTS (SELECT 1 FROM recommendation x WHERE x.owner_org = $1::uuid AND x.client_mutation_id = $4::text || s.n)
         ),
         inserted AS (
           INSERT INTO recommendation (owner_org, created_by, client_mutation_id, declaration_id, forum_id, number, theme, addressee, language,
                                       adopted_on, published_on, status)
           SELECT $1::uuid, $2::text, $4::text || n, declaration_id, forum_id, number,
                  ($12::text[])[1 + n % cardinality($12::text[])], ($13::text[])[1 + n % cardinality($13::text[])], 'fra',
                  adopted_on, published_on, 'PENDING'
           FROM missing
           ORDER BY adopted_on, n
           ON CONFLICT DO NOTHING
           RETURNING id, client_mutation_id
         ),
         texts AS (
           INSERT INTO recommendation_text (owner_org, created_by, recommendation_id, language, body, original)
           SELECT $1::uuid, $2::text, r.id, t.language,
                  CASE t.language
                    WHEN 'fra' THEN ${sentence(6)}
                    ELSE ${sentence(7)}
                  END,
                  t.language = 'fra'
           FROM (SELECT id, substr(client_mutation_id, length($4::text) + 1)::int AS n FROM inserted) r
           CROSS JOIN (VALUES ('fra'), ('eng')) AS t(language)
           ORDER BY r.n, t.language DESC
           ON CONFLICT DO NOTHING
           RETURNING 1
         )
         SELECT (SELECT count(*) FROM inserted) AS n, (SELECT count(*) FROM texts) AS texts`,
        [
          FORUMS_OWNER,
          BENCH_WRITER,
          DECLARATION_KEY,
          RECOMMENDATION_KEY,
          forums,
          WHO.map((p) => p[0]),
          WHO.map((p) => p[1]),
          WHAT.map((p) => p[0]),
          WHAT.map((p) => p[1]),
          WHY.map((p) => p[0]),
          WHY.map((p) => p[1]),
          [...RECOMMENDATION_THEMES],
          [...RECOMMENDATION_ADDRESSEES],
        ],
      );
      await client.query('COMMIT');
      for (const table of ['forum', 'declaration', 'declaration_text', 'recommendation', 'recommendation_text'])
        await client.query(`VACUUM (ANALYZE) ${table}`);
      const after = await countRecommendations();
      return {
        before,
        inserted: Number(inserted.rows[0]?.n ?? 0),
        ...(await totals(count)),
        recommendations: after,
        ms: Date.now() - started,
      };
    }
    return { before, inserted: 0, ...(await totals(count)), recommendations: before, ms: Date.now() - started };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

async function totals(count: (sql: string, params?: unknown[]) => Promise<number>) {
  return {
    forums: await count(`SELECT count(*) AS n FROM forum WHERE owner_org = $1 AND client_mutation_id LIKE $2`, [
      FORUMS_OWNER,
      `${FORUM_KEY}%`,
    ]),
    declarations: await count(`SELECT count(*) AS n FROM declaration WHERE owner_org = $1 AND client_mutation_id LIKE $2`, [
      FORUMS_OWNER,
      `${DECLARATION_KEY}%`,
    ]),
    recommendationTexts: await count(`SELECT count(*) AS n FROM recommendation_text WHERE owner_org = $1 AND created_by = $2`, [
      FORUMS_OWNER,
      BENCH_WRITER,
    ]),
  };
}
