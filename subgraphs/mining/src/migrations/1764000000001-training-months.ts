import type { MigrationInterface, QueryRunner } from 'typeorm';
import { STAKEHOLDER_GROUPS, sqlList, TRAINING_KINDS } from '../common/values';
import { refreshTrainingMonthsSql } from '../statistics/training-months.repository';

/**
 * The monthly rollup of trainings behind the figures (see statistics/training-months.repository.ts),
 * filled from the trainings already recorded. The owner stays in the key: figures are exact only where
 * every training counted is the caller's organisation's.
 */
export class TrainingMonths1764000000001 implements MigrationInterface {
  name = 'TrainingMonths1764000000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE training_month (
        area_level smallint NOT NULL CHECK (area_level IN (0, 1, 2)),
        owner_org uuid NOT NULL,
        country_code char(2) NOT NULL,
        -- '' where the level does not go that far down (level 0: the country only; level 1: its regions).
        admin1_pcode text NOT NULL CHECK ((area_level = 0) = (admin1_pcode = '')),
        admin_pcode text NOT NULL CHECK ((area_level = 2) = (admin_pcode <> '')),
        kind text NOT NULL CHECK (kind IN (${sqlList(TRAINING_KINDS)})),
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        -- A group, NOT_BROKEN_DOWN (trainings counted only in a total), or '*' (each training once).
        stakeholder_group text NOT NULL CHECK (stakeholder_group IN (${sqlList([...STAKEHOLDER_GROUPS, 'NOT_BROKEN_DOWN', '*'])})),
        trainings integer NOT NULL CHECK (trainings > 0),
        women integer NOT NULL,
        men integer NOT NULL,
        not_broken_down integer NOT NULL,
        trainings_measured integer NOT NULL,
        assessed integer NOT NULL,
        pre_sum double precision NOT NULL,
        post_sum double precision NOT NULL,
        PRIMARY KEY (area_level, owner_org, country_code, kind, month, admin1_pcode, admin_pcode, stakeholder_group)
      )`);
    // Level 0 and 1 rows are read through the primary key's level; an area's rows through its P-code prefix.
    await db.query(`CREATE INDEX training_month_area ON training_month (admin_pcode text_pattern_ops) WHERE area_level = 2`);
    await db.query(`CREATE INDEX training_month_level ON training_month (area_level, month)`);
    const keys = `SELECT DISTINCT owner_org, country_code, kind, date_trunc('month', starts_on)::date FROM mining_training`;
    for (const statement of refreshTrainingMonthsSql(keys)) await db.query(statement);
    await db.query(`ANALYZE training_month`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE training_month`);
  }
}
