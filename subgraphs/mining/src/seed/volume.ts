import type { DataSource } from 'typeorm';
import type { Place } from '../common/record-columns';
import { refreshTrainingMonthsSql } from '../statistics/training-months.repository';

export interface VolumeOptions {
  /** How many trainings, e.g. 20,000 for the aggregates bench. */
  trainings: number;
  ownerOrg: string;
  /** Where they happen: one site and one consultation each; trainings cycle through them. */
  places: Place[];
  instrumentId: string;
  /** Each training covers two to four of them. */
  provisionIds: string[];
  /** Each training is given by one of them. */
  trainerIds: string[];
}

/**
 * Trainings at scale, written in SQL (a few statements, whatever the count): three stakeholder groups
 * each with women and men, knowledge scores out of 20 for every other training, spread over three years
 * and over the places given, and their monthly rollup. For measuring the aggregates, not for demo data: nothing here goes through
 * the services' rules, though every row satisfies them.
 */
export async function loadVolume(dataSource: DataSource, options: VolumeOptions): Promise<void> {
  const places = options.places;
  await dataSource.transaction(async (manager) => {
    await manager.query(
      `INSERT INTO mining_site (owner_org, created_by, community_id, admin_pcode, admin1_pcode, admin2_pcode, country_code, name, kind, minerals)
       SELECT $1, 'volume', p.community_id, p.admin_pcode, p.admin1_pcode, p.admin2_pcode, p.country_code, 'Site ' || p.n,
              (ARRAY['ARTISANAL','SMALL_SCALE'])[1 + p.n % 2], '{GOLD}'
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS p(community_id, admin_pcode, admin1_pcode, admin2_pcode, country_code, n)`,
      [
        options.ownerOrg,
        places.map((p) => p.communityId),
        places.map((p) => p.adminPcode),
        places.map((p) => p.admin1Pcode),
        places.map((p) => p.admin2Pcode),
        places.map((p) => p.countryCode),
      ],
    );
    await manager.query(
      `INSERT INTO community_consultation (owner_org, created_by, community_id, admin_pcode, admin1_pcode, admin2_pcode, country_code, site_id, held_on, participants_total, challenges)
       SELECT owner_org, 'volume', community_id, admin_pcode, admin1_pcode, admin2_pcode, country_code, id, DATE '2023-01-15', 20, '{LAND_DISPOSSESSION,CHILD_LABOUR}'
       FROM mining_site WHERE created_by = 'volume'`,
    );
    await manager.query(
      `WITH site AS (SELECT s.*, row_number() OVER (ORDER BY s.name) - 1 AS k, count(*) OVER () AS sites FROM mining_site s WHERE s.created_by = 'volume')
       INSERT INTO mining_training (owner_org, created_by, community_id, admin_pcode, admin1_pcode, admin2_pcode, country_code, site_id, instrument_id, provision_ids,
                                    title, kind, starts_on, ends_on, trainer_ids, ecpf_components, participants_total, score_scale_min, score_scale_max)
       SELECT s.owner_org, 'volume', s.community_id, s.admin_pcode, s.admin1_pcode, s.admin2_pcode, s.country_code, s.id, $2,
              ($3::uuid[])[1 + i % cardinality($3::uuid[]) : 1 + i % cardinality($3::uuid[]) + 1 + i % 3],
              'Training ' || i, (ARRAY['TECHNICAL','ADVOCACY'])[1 + i % 2], DATE '2023-02-01' + (i % 1000), DATE '2023-02-02' + (i % 1000),
              ARRAY[($4::uuid[])[1 + i % cardinality($4::uuid[])]], '{NATURAL_RESOURCE_GOVERNANCE}', 1,
              CASE WHEN i % 2 = 0 THEN 0 END, CASE WHEN i % 2 = 0 THEN 20 END
       FROM generate_series(1, $1::int) AS i JOIN site s ON s.k = i % s.sites`,
      [options.trainings, options.instrumentId, options.provisionIds, options.trainerIds],
    );
    await manager.query(
      `INSERT INTO training_participant_group (training_id, stakeholder_group, women, men, assessed, mean_pre_score, mean_post_score)
       SELECT t.id, g.name, w.women, m.men,
              CASE WHEN t.score_scale_max IS NOT NULL THEN greatest(1, (w.women + m.men) * 3 / 4) END,
              CASE WHEN t.score_scale_max IS NOT NULL THEN 6 + abs(hashtext(t.id::text || g.name)) % 5 END,
              CASE WHEN t.score_scale_max IS NOT NULL THEN 12 + abs(hashtext(g.name || t.id::text)) % 7 END
       FROM mining_training t
       CROSS JOIN LATERAL (VALUES ('COMMUNITY_LEADERS', 0), ('WOMEN', 1), ('YOUTH', 2)) AS g(name, n)
       CROSS JOIN LATERAL (SELECT 1 + abs(hashtext(t.id::text || g.n)) % 12 AS women) AS w
       CROSS JOIN LATERAL (SELECT CASE WHEN g.name = 'WOMEN' THEN 0 ELSE abs(hashtext(g.n || t.id::text)) % 15 END AS men) AS m
       WHERE t.created_by = 'volume'`,
    );
    await manager.query(
      `UPDATE mining_training t SET participants_total = g.people
       FROM (SELECT training_id, sum(women + men)::int AS people FROM training_participant_group GROUP BY training_id) g
       WHERE g.training_id = t.id AND t.created_by = 'volume'`,
    );
    // The figures read the monthly rollup: the subgraph's own statement fills it for these trainings.
    const keys = `SELECT DISTINCT owner_org, country_code, kind, date_trunc('month', starts_on)::date FROM mining_training WHERE created_by = 'volume'`;
    for (const statement of refreshTrainingMonthsSql(keys)) await manager.query(statement);
  });
}
