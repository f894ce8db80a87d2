import type { DataSource } from 'typeorm';

/**
 * The forums' read generation (migrations ReadGeneration and ParticipationGeneration): one row that a
 * statement-level trigger on every table a kept answer reads raises once per writing transaction.
 */
export class ReadGenerationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The committed generation (one statement on a one-row table). */
  async current(): Promise<bigint> {
    const rows = (await this.dataSource.query(`SELECT generation::text AS generation FROM forums_read_generation`)) as {
      generation: string;
    }[];
    return BigInt(rows[0]!.generation);
  }
}
