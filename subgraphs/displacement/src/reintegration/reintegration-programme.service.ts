import type { RecordWrites } from '@peacegraph/kit/writes';
import { badInput } from '@peacegraph/kit/errors';
import { given, lookUp, type Lookup, type ReferenceChecks } from '@peacegraph/kit/input';
import { ReintegrationProgrammeSchema, type ReintegrationProgramme } from './reintegration.entity';
import { checkProgrammeCode, checkStartStays, programmeAreas, programmeAreasToAsk, programmeValues } from './reintegration.rules';
import type { CreateReintegrationProgrammeInput, UpdateReintegrationProgrammeInput } from '../generated/resolvers';
import type { Loaders } from '../loaders';

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
      const adminPcodes = programmeAreas(input.adminAreas, await this.askAreas(input.adminAreas));
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
    checkStartStays(input, values.startsOn, current);
    const adminPcodes = given(input.adminAreas)
      ? programmeAreas(input.adminAreas, await this.askAreas(input.adminAreas))
      : current.adminPcodes;
    return this.writes.update(
      current,
      version,
      { ...values, adminPcodes },
      { ...SPEC, operation: 'updateReintegrationProgramme', fields: Object.keys(input) },
    );
  }

  /**
   * The directory's answer for each area the rules read, one after the other: after a refusal the
   * rules read no further, so the areas after it are not asked about.
   */
  private async askAreas(pcodes: readonly string[]): Promise<Map<string, Lookup<unknown>>> {
    const loaded = new Map<string, Lookup<unknown>>();
    for (const { field, pcode } of programmeAreasToAsk(pcodes)) {
      const answer = await lookUp(() => this.directory.adminArea(field, pcode));
      loaded.set(pcode, answer);
      if (!answer.found) break;
    }
    return loaded;
  }
}
