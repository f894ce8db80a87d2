import type { RecordWrites } from '@peacegraph/kit/writes';
import { badInput } from '@peacegraph/kit/errors';
import {
  notInFuture,
  notNull,
  optionalText,
  wholeNumber,
  type DateInput,
  type ReferenceChecks,
  given,
  Problems,
} from '@peacegraph/kit/input';
import { DisplacementReportSchema, type DisplacementReport, type IdpGroup, type ReasonCount } from './displacement-report.entity';
import type { Loaders } from '../loaders';
import { checkReportFigures, type Sent } from './displacement-report.rules';

export interface OriginInput {
  adminArea: string;
  individuals: number;
}

export interface DisplacementReportInput {
  roundName?: string | null;
  dataDate?: DateInput | null;
  idpIndividuals?: number | null;
  idpHouseholds?: number | null;
  returneeIndividuals?: number | null;
  returneeHouseholds?: number | null;
  idpsBySexAndAge?: IdpGroup[] | null;
  reasons?: ReasonCount[] | null;
  origins?: OriginInput[] | null;
}

export interface RecordDisplacementReportInput extends DisplacementReportInput {
  adminArea: string;
  roundNumber: number;
  dataDate: DateInput;
  idpIndividuals: number;
  idpHouseholds: number;
  clientMutationId?: string | null;
}

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
      const roundNumber = wholeNumber('input.roundNumber', input.roundNumber, 'The round number', { min: 1, max: 10_000 });
      const values = this.validate(input, null);
      const area = await this.directory.adminArea('input.adminArea', input.adminArea);
      if (area.adminLevel > 2)
        throw badInput(
          'input.adminArea',
          `${input.adminArea} is an admin level ${area.adminLevel} area: report for its admin-2 area or region`,
        );
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
  async update(id: string, version: number, input: DisplacementReportInput): Promise<DisplacementReport> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.displacementReport.load(id), 'DisplacementReport', id, version);
    const values = this.validate(input, current);
    if (given(input.origins)) await this.checkOrigins(input.origins);
    return this.writes.update(current, version, values, {
      ...SPEC,
      operation: 'updateDisplacementReport',
      fields: Object.keys(input),
      duplicates: this.duplicates(current.roundNumber, current.adminPcode),
    });
  }

  private validate(input: DisplacementReportInput, current: DisplacementReport | null) {
    const problems = new Problems();
    problems.check('input.dataDate', () => notNull('input.dataDate', input.dataDate, 'The date of the data'));
    problems.check('input.idpIndividuals', () => notNull('input.idpIndividuals', input.idpIndividuals, 'The number of IDPs'));
    problems.check('input.idpHouseholds', () => notNull('input.idpHouseholds', input.idpHouseholds, 'The number of IDP households'));
    problems.throwIfAny();
    // Left out: as stored. Null: cleared (returnees only; the required figures refused null above).
    const pick = <T>(given: T | null | undefined, stored: T | null): T | null => (given === undefined ? stored : given);
    const sent: Sent = Object.fromEntries(Object.keys(input).map((k) => [k, true]));
    const figures = problems.check('input', () =>
      checkReportFigures(
        {
          idpIndividuals: pick(input.idpIndividuals, current?.idpIndividuals ?? null)!,
          idpHouseholds: pick(input.idpHouseholds, current?.idpHouseholds ?? null)!,
          returneeIndividuals: pick(input.returneeIndividuals, current?.returneeIndividuals ?? null),
          returneeHouseholds: pick(input.returneeHouseholds, current?.returneeHouseholds ?? null),
          idpsBySexAndAge: pick(input.idpsBySexAndAge, current?.idpsBySexAndAge ?? null) ?? [],
          reasons: pick(input.reasons, current?.reasons ?? null) ?? [],
          origins:
            input.origins === undefined
              ? (current?.origins ?? [])
              : (input.origins ?? []).map((o) => ({ pcode: o.adminArea, individuals: o.individuals })),
        },
        sent,
      ),
    );
    const roundName = problems.check('input.roundName', () =>
      input.roundName === undefined
        ? (current?.roundName ?? null)
        : optionalText('input.roundName', input.roundName, 'The round name', 100),
    );
    const dataDate = problems.check('input.dataDate', () =>
      given(input.dataDate) ? notInFuture('input.dataDate', input.dataDate, 'The date of the data') : current!.dataDate,
    );
    const checked = problems.done({ figures, roundName, dataDate });
    return {
      ...checked.figures,
      idpsBySexAndAge: checked.figures.idpsBySexAndAge.map(({ sex, ageGroup, individuals }) => ({ sex, ageGroup, individuals })),
      reasons: checked.figures.reasons.map(({ reason, individuals }) => ({ reason, individuals })),
      roundName: checked.roundName,
      dataDate: checked.dataDate,
    };
  }

  /** Areas of origin are admin areas of the directory (level 1 or 2), anywhere on the platform. */
  private async checkOrigins(origins: OriginInput[]): Promise<void> {
    for (const [i, origin] of origins.entries()) await this.directory.adminArea(`input.origins.${i}.adminArea`, origin.adminArea);
  }

  private duplicates(round: number, pcode: string) {
    return {
      displacement_report_round: () =>
        badInput('input.roundNumber', `Your organisation already recorded round ${round} for ${pcode}: update that report instead`),
    };
  }
}
