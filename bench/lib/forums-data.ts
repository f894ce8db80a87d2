import type { Client } from 'pg';
import { withBenchDatabase } from './database';
import { PARTICIPANT_CATEGORIES, RECOMMENDATION_ADDRESSEES, RECOMMENDATION_THEMES } from '../../subgraphs/forums/src/common/values';
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
  /** Follow-up reports of generated recommendations: added by this run, and in all after it. */
  followUpsInserted: number;
  followUps: number;
  /** Generated forums with participant counts: added by this run, and in all after it. */
  forumsCountedInserted: number;
  forumsCounted: number;
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
  return withBenchDatabase(databaseUrl, async (client, count) => {
    const countRecommendations = () =>
      count(`SELECT count(*) AS n FROM recommendation WHERE owner_org = $1 AND client_mutation_id LIKE $2`, [
        FORUMS_OWNER,
        `${RECOMMENDATION_KEY}%`,
      ]);
    const before = await countRecommendations();
    await client.query('SET synchronous_commit = on');
    const forums = Math.ceil(target / RECOMMENDATIONS_PER_DECLARATION);
    let insertedRecommendations = 0;
    const written: string[] = [];
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
      insertedRecommendations = Number(inserted.rows[0]?.n ?? 0);
      written.push('forum', 'declaration', 'declaration_text', 'recommendation', 'recommendation_text');
    }
    const followUpsInserted = await ensureFollowUps(client);
    const forumsCountedInserted = await ensureParticipants(client);
    if (followUpsInserted > 0) written.push('recommendation', 'recommendation_follow_up');
    if (forumsCountedInserted > 0) written.push('forum_participant_group', 'forum_participant_origin');
    for (const table of new Set(written)) await client.query(`VACUUM (ANALYZE) ${table}`);
    return {
      before,
      inserted: insertedRecommendations,
      ...(await totals(count)),
      recommendations: await countRecommendations(),
      followUpsInserted,
      forumsCountedInserted,
      ms: Date.now() - started,
    };
  });
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
    followUps: await count(`SELECT count(*) AS n FROM recommendation_follow_up WHERE owner_org = $1 AND created_by = $2`, [
      FORUMS_OWNER,
      BENCH_WRITER,
    ]),
    forumsCounted: await count(
      `SELECT count(DISTINCT forum_id) AS n FROM forum_participant_group WHERE owner_org = $1 AND created_by = $2`,
      [FORUMS_OWNER, BENCH_WRITER],
    ),
  };
}

/**
 * What became of the generated recommendations, from a hash of their number, as the follow-up rules
 * allow: 40 % still PENDING (no report); 25 % IN_PROGRESS after one report and 7 % after a second
 * (a progress report); 16 % IN_PROGRESS then IMPLEMENTED; 8 % REJECTED; 4 % REJECTED then taken up
 * after all (IN_PROGRESS). The first report comes 20–269 days after adoption, the second 30–329 days
 * after the first; a report that would fall in the last week or later is not made (so the later
 * recommendations have fewer). The recommendation's status, status date and version follow its last
 * report, as recordRecommendationFollowUp leaves them.
 *
 * Only for generated recommendations that are still PENDING with no report (a rerun adds nothing), in
 * one statement: the reports, then the recommendations they move.
 */
async function ensureFollowUps(client: Client): Promise<number> {
  await client.query('BEGIN');
  const result = await client.query<{ n: string }>(
    `WITH recs AS MATERIALIZED (
       SELECT r.id, r.adopted_on, substr(r.client_mutation_id, length($3::text) + 1)::int AS n
       FROM recommendation r
       WHERE r.owner_org = $1::uuid AND r.client_mutation_id LIKE $3::text || '%' AND r.status = 'PENDING'
         AND NOT EXISTS (SELECT 1 FROM recommendation_follow_up f WHERE f.recommendation_id = r.id)
     ),
     planned AS (
       SELECT id, n, abs(hashtext('follow-up:' || n)) % 100 AS h,
              adopted_on + 20 + abs(hashtext('first report:' || n)) % 250 AS first_on,
              adopted_on + 20 + abs(hashtext('first report:' || n)) % 250 + 30 + abs(hashtext('second report:' || n)) % 300 AS second_on
       FROM recs
     ),
     steps AS (
       SELECT p.id, v.step, v.from_status, v.to_status, v.reported_on
       FROM planned p
       CROSS JOIN LATERAL (VALUES
         (1, 'PENDING',
             CASE WHEN p.h < 40 THEN NULL WHEN p.h < 88 THEN 'IN_PROGRESS' ELSE 'REJECTED' END, p.first_on),
         (2, CASE WHEN p.h < 88 THEN 'IN_PROGRESS' ELSE 'REJECTED' END,
             CASE WHEN p.h < 65 THEN NULL WHEN p.h < 72 THEN 'IN_PROGRESS' WHEN p.h < 88 THEN 'IMPLEMENTED' WHEN p.h < 96 THEN NULL ELSE 'IN_PROGRESS' END,
             p.second_on)
       ) AS v(step, from_status, to_status, reported_on)
       WHERE v.to_status IS NOT NULL AND v.reported_on <= current_date - 7
     ),
     reports AS (
       INSERT INTO recommendation_follow_up (recommendation_id, from_status, to_status, reported_on, evidence, reporter, owner_org, created_by)
       SELECT id, from_status, to_status, reported_on,
              CASE to_status
                WHEN 'IMPLEMENTED' THEN 'Arrêté publié et budget exécuté, constaté par le comité de suivi.'
                WHEN 'REJECTED' THEN 'Réponse écrite du destinataire déclinant la recommandation.'
                ELSE 'Rapport d''étape du destinataire transmis au comité de suivi.'
              END,
              'Comité de suivi du forum', $1::uuid, $2::text
       FROM steps
       ORDER BY reported_on, id, step
       RETURNING recommendation_id, to_status, reported_on
     ),
     last AS (
       SELECT DISTINCT ON (recommendation_id) recommendation_id, to_status, reported_on,
              count(*) OVER (PARTITION BY recommendation_id) AS reports
       FROM reports ORDER BY recommendation_id, reported_on DESC
     ),
     moved AS (
       UPDATE recommendation r SET status = l.to_status, status_since = l.reported_on, version = r.version + l.reports::int, updated_at = now()
       FROM last l WHERE r.id = l.recommendation_id
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM reports) AS n, (SELECT count(*) FROM moved) AS moved`,
    [FORUMS_OWNER, BENCH_WRITER, RECOMMENDATION_KEY],
  );
  await client.query('COMMIT');
  return Number(result.rows[0]?.n ?? 0);
}

/**
 * Participants of every generated forum that has none yet, from a hash of the forum's number: each of
 * the 14 categories present with probability 5/7, 0–39 women and 0–39 men (never both 0), so some
 * counts fall from 1 to 4 and disclosure control has something to withhold; every participant comes
 * from the forum's own region (admin-1). One statement for both tables, as recordForumParticipants
 * replaces them.
 */
async function ensureParticipants(client: Client): Promise<number> {
  await client.query('BEGIN');
  const result = await client.query<{ n: string }>(
    `WITH forums AS MATERIALIZED (
       SELECT f.id, f.admin1_pcode, f.country_code, substr(f.client_mutation_id, length($3::text) + 1)::int AS n
       FROM forum f
       WHERE f.owner_org = $1::uuid AND f.client_mutation_id LIKE $3::text || '%'
         AND NOT EXISTS (SELECT 1 FROM forum_participant_group g WHERE g.forum_id = f.id)
     ),
     counts AS MATERIALIZED (
       SELECT f.id, f.admin1_pcode, f.country_code, c.category, c.i,
              abs(hashtext('women:' || f.n || ':' || c.category)) % 40 AS women,
              abs(hashtext('men:' || f.n || ':' || c.category)) % 40 AS men
       FROM forums f CROSS JOIN unnest($4::text[]) WITH ORDINALITY AS c(category, i)
       WHERE abs(hashtext('present:' || f.n || ':' || c.category)) % 7 < 5
     ),
     groups AS (
       INSERT INTO forum_participant_group (forum_id, category, women, men, owner_org, created_by)
       SELECT id, category, women, CASE WHEN women + men = 0 THEN 1 ELSE men END, $1::uuid, $2::text
       FROM counts ORDER BY id, i
       ON CONFLICT DO NOTHING
       RETURNING forum_id, women + men AS participants
     ),
     origins AS (
       INSERT INTO forum_participant_origin (forum_id, region_pcode, country_code, participants, owner_org, created_by)
       SELECT g.forum_id, f.admin1_pcode, f.country_code, sum(g.participants), $1::uuid, $2::text
       FROM groups g JOIN forums f ON f.id = g.forum_id
       GROUP BY g.forum_id, f.admin1_pcode, f.country_code
       ON CONFLICT DO NOTHING
       RETURNING forum_id
     )
     SELECT count(*) AS n FROM origins`,
    [FORUMS_OWNER, BENCH_WRITER, FORUM_KEY, [...PARTICIPANT_CATEGORIES]],
  );
  await client.query('COMMIT');
  return Number(result.rows[0]?.n ?? 0);
}
