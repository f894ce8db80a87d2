import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Corridors, sensitive spots, counting points, flow observations, alerts. */
export class Transhumance1765000000002 implements MigrationInterface {
  name = 'Transhumance1765000000002';

  async up(_db: QueryRunner): Promise<void> {}

  async down(_db: QueryRunner): Promise<void> {}
}
