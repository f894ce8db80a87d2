import type { RecordWrites } from '@peacegraph/kit/writes';
import { badInput } from '@peacegraph/kit/errors';
import { isoDate, notNull, optionalDate, requiredName, type DateInput, type ReferenceChecks, given, Problems } from '@peacegraph/kit/input';
import { ReintegrationProgrammeSchema, type ReintegrationProgramme } from './reintegration.entity';
import { type ReintegrationProgrammeKind } from '../common/displacement-values';
import type { Loaders } from '../loaders';

export const PROGRAMME_CODE = /^[A-Z0-9]{2,8}$/;
const MOST_AREAS = 50;

export interface ReintegrationProgrammeInput {
  kind?: ReintegrationProgrammeKind | null;
  name?: string | null;
  adminAreas?: string[] | null;
  startsOn?: DateInput | null;
  endsOn?: DateInput | null;
}

export interface CreateReintegrationProgrammeInput extends ReintegrationProgrammeInput {
  code: string;
  kind: ReintegrationProgrammeKind;
  name: string;
  adminAreas: string[];
  startsOn: DateInput;
  clientMutationId?: string | null;
}

const SPEC = { schema: ReintegrationProgrammeSchema, recordType: 'ReintegrationProgramme' };

/** Programmes: DDR, DDRR, community violence reduction and the like, in admin areas of the directory. */
export class ReintegrationProgrammeService {
  constructor(
    private readonly loaders: Loaders,
    private readonly directory: ReferenceChecks,
    private readonly writes: RecordWrites,
  ) {}

  async create(input: CreateReintegrationProgrammeInput): Promise<ReintegrationProgramme> {
    return this.writes.once(ReintegrationProgrammeSchema, input.clientMutationId, async (writer) => {
      if (!PROGRAMME_CODE.test(input.code)) {
        throw badInput(
          'input.code',
          'A programme code is 2 to 8 capital letters or digits (e.g. CVRSAHEL): it starts the codes of its beneficiaries',
        );
      }
      const values = this.validate(input, null);
      const adminPcodes = await this.areas(input.adminAreas);
      return this.writes.create(writer, { ...values, adminPcodes, code: input.code, lastCaseNumber: 0 }, input.clientMutationId, {
        ...SPEC,
        operation: 'createReintegrationProgramme',
        fields: Object.keys(input),
        duplicates: {
          reintegration_programme_code: () => badInput('input.code', `The programme code ${input.code} is taken: choose another`),
        },
      });
    });
  }

  /** The code is fixed: it is part of every beneficiary code handed out. */
  async update(id: string, version: number, input: ReintegrationProgrammeInput): Promise<ReintegrationProgramme> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.reintegrationProgramme.load(id), 'ReintegrationProgramme', id, version);
    const values = this.validate(input, current);
    if (given(input.startsOn) && values.startsOn !== current.startsOn && current.lastCaseNumber > 0) {
      throw badInput('input.startsOn', 'Cases are registered in the programme: its start no longer moves');
    }
    const adminPcodes = given(input.adminAreas) ? await this.areas(input.adminAreas) : current.adminPcodes;
    return this.writes.update(
      current,
      version,
      { ...values, adminPcodes },
      { ...SPEC, operation: 'updateReintegrationProgramme', fields: Object.keys(input) },
    );
  }

  private validate(input: ReintegrationProgrammeInput, current: ReintegrationProgramme | null) {
    const problems = new Problems();
    for (const [field, label] of [
      ['kind', 'The kind'],
      ['name', 'The name'],
      ['adminAreas', 'The areas covered'],
      ['startsOn', 'The start'],
    ] as const) {
      problems.check(`input.${field}`, () => notNull(`input.${field}`, input[field], label));
    }
    problems.throwIfAny();
    const startsOn = given(input.startsOn) ? isoDate(input.startsOn) : current!.startsOn;
    const endsOn = input.endsOn === undefined ? (current?.endsOn ?? null) : optionalDate(input.endsOn);
    if (endsOn && endsOn < startsOn) problems.add('input.endsOn', `The programme ends (${endsOn}) before it starts (${startsOn})`);
    return problems.done({
      kind: input.kind ?? current!.kind,
      name: problems.check('input.name', () =>
        input.name === undefined || input.name === null ? current!.name : requiredName('input.name', input.name, 'The name', 200),
      ),
      startsOn,
      endsOn,
    });
  }

  /** Admin areas of the directory, level 1 or 2, each once. */
  private async areas(pcodes: string[]): Promise<string[]> {
    if (pcodes.length === 0) throw badInput('input.adminAreas', 'Name at least one admin area the programme covers');
    if (pcodes.length > MOST_AREAS) throw badInput('input.adminAreas', `At most ${MOST_AREAS} admin areas`);
    const seen = new Set<string>();
    for (const [i, pcode] of pcodes.entries()) {
      if (seen.has(pcode)) throw badInput(`input.adminAreas.${i}`, `${pcode} is listed twice`);
      seen.add(pcode);
      await this.directory.adminArea(`input.adminAreas.${i}`, pcode);
    }
    return pcodes;
  }
}
