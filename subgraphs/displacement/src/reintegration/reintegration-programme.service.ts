import type { RecordWrites } from '@peacegraph/kit/writes';
import { badInput } from '@peacegraph/kit/errors';
import { type ReferenceChecks, given } from '@peacegraph/kit/input';
import { ReintegrationProgrammeSchema, type ReintegrationProgramme } from './reintegration.entity';
import { checkProgrammeCode, programmeValues } from './reintegration.rules';
import type { CreateReintegrationProgrammeInput, UpdateReintegrationProgrammeInput } from '../generated/resolvers';
import type { Loaders } from '../loaders';

const MOST_AREAS = 50;

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
      checkProgrammeCode(input.code);
      const values = programmeValues(input, null);
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
  async update(id: string, version: number, input: UpdateReintegrationProgrammeInput): Promise<ReintegrationProgramme> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.reintegrationProgramme.load(id), 'ReintegrationProgramme', id, version);
    const values = programmeValues(input, current);
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
