import type { RecordWrites } from '@peacegraph/kit/writes';
import { badInput } from '@peacegraph/kit/errors';
import { type ReferenceChecks, given } from '@peacegraph/kit/input';
import { DisplacementReportSchema, type DisplacementReport } from './displacement-report.entity';
import type { Loaders } from '../loaders';
import { reportArea, reportRound, reportValues } from './displacement-report.rules';
import type { DisplacementOriginInput, RecordDisplacementReportInput, UpdateDisplacementReportInput } from '../generated/resolvers';

const SPEC = { schema: DisplacementReportSchema, recordType: 'DisplacementReport' };

/** Mobility-tracking rounds: one report per area and round, figures that hold together. */
export class DisplacementReportService {
  constructor(
    private readonly loaders: Loaders,
    private readonly directory: ReferenceChecks,
    private readonly writes: RecordWrites,
  ) {}

  async record(input: RecordDisplacementReportInput): Promise<DisplacementReport> {
    return this.writes.once(DisplacementReportSchema, input.clientMutationId, async (writer) => {
      const roundNumber = reportRound(input.roundNumber);
      const values = reportValues(input, null);
      const area = await this.directory.adminArea('input.adminArea', input.adminArea);
      reportArea(input.adminArea, area);
      await this.checkOrigins(input.origins ?? []);
      return this.writes.create(
        writer,
        {
          ...values,
          roundNumber,
          adminPcode: area.adminPcode,
          adminLevel: area.adminLevel,
          admin1Pcode: area.admin1Pcode,
          countryCode: area.countryCode,
        },
        input.clientMutationId,
        {
          ...SPEC,
          operation: 'recordDisplacementReport',
          fields: Object.keys(input),
          duplicates: this.duplicates(roundNumber, input.adminArea),
        },
      );
    });
  }

  /** The area and round are what the report is: record another report rather than move one. */
  async update(id: string, version: number, input: UpdateDisplacementReportInput): Promise<DisplacementReport> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.displacementReport.load(id), 'DisplacementReport', id, version);
    const values = reportValues(input, current);
    if (given(input.origins)) await this.checkOrigins(input.origins);
    return this.writes.update(current, version, values, {
      ...SPEC,
      operation: 'updateDisplacementReport',
      fields: Object.keys(input),
      duplicates: this.duplicates(current.roundNumber, current.adminPcode),
    });
  }

  /** Areas of origin are admin areas of the directory (level 1 or 2), anywhere on the platform. */
  private async checkOrigins(origins: DisplacementOriginInput[]): Promise<void> {
    for (const [i, origin] of origins.entries()) await this.directory.adminArea(`input.origins.${i}.adminArea`, origin.adminArea);
  }

  private duplicates(round: number, pcode: string) {
    return {
      displacement_report_round: () =>
        badInput('input.roundNumber', `Your organisation already recorded round ${round} for ${pcode}: update that report instead`),
    };
  }
}
