import { badInput } from '@peacegraph/kit/errors';
import { distinct, requiredName, Problems, type ReferenceChecks } from '@peacegraph/kit/input';
import type { RecordWrites } from '@peacegraph/kit/writes';
import { FacilitatorSchema, type Facilitator } from './facilitator.entity';
import type { CreateFacilitatorInput, UpdateFacilitatorInput } from '../generated/resolvers';
import type { Loaders } from '../loaders';
import { emailAddress, phoneNumber } from './facilitator.rules';

/** The people an organisation trained to deliver modules. */
export class FacilitatorService {
  constructor(
    private readonly loaders: Loaders,
    private readonly directory: ReferenceChecks,
    private readonly writes: RecordWrites,
  ) {}

  async create(input: CreateFacilitatorInput): Promise<Facilitator> {
    return this.writes.once(FacilitatorSchema, input.clientMutationId, async (writer) => {
      const values = await this.validate(input, null);
      return this.writes.create(writer, values, input.clientMutationId, {
        schema: FacilitatorSchema,
        recordType: 'Facilitator',
        operation: 'createFacilitator',
        fields: Object.keys(input),
        duplicates: this.duplicates(values.fullName),
      });
    });
  }

  async update(id: string, version: number, input: UpdateFacilitatorInput): Promise<Facilitator> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.facilitator.load(id), 'Facilitator', id, version);
    const values = await this.validate(input, current);
    return this.writes.update(current, version, values, {
      schema: FacilitatorSchema,
      recordType: 'Facilitator',
      operation: 'updateFacilitator',
      fields: Object.keys(input),
      duplicates: this.duplicates(values.fullName),
    });
  }

  private async validate(input: CreateFacilitatorInput | UpdateFacilitatorInput, current: Facilitator | null) {
    if (input.fullName === null) throw badInput('input.fullName', 'The name cannot be empty');
    const problems = new Problems();
    const fullName = problems.check('input.fullName', () =>
      input.fullName === undefined ? current!.fullName : requiredName('input.fullName', input.fullName!, 'The name'),
    );

    let languageCodes = current?.languageCodes ?? [];
    if (input.languages !== undefined)
      await problems.check('input.languages', async () => {
        const codes = distinct('input.languages', input.languages ?? [], (code) => `Language ${code}`);
        if (codes.length === 0) throw badInput('input.languages', 'Name at least one language the facilitator delivers sessions in');
        if (codes.length > 10) throw badInput('input.languages', 'At most 10 languages');
        languageCodes = await this.directory.languages('input.languages', codes);
      });

    let certifiedModuleIds = current?.certifiedModuleIds ?? [];
    if (input.certifiedModules !== undefined)
      await problems.check('input.certifiedModules', async () => {
        certifiedModuleIds = distinct('input.certifiedModules', input.certifiedModules ?? [], (id) => `Module ${id}`);
        const modules = await this.loaders.module.loadMany(certifiedModuleIds);
        const unknown = modules.findIndex((m) => !m || m instanceof Error);
        if (unknown >= 0) throw badInput(`input.certifiedModules.${unknown}`, `No module with id "${certifiedModuleIds[unknown]}"`);
      });

    let home = current
      ? { homeCommunityId: current.homeCommunityId, homeAdminPcode: current.homeAdminPcode, homeCountryCode: current.homeCountryCode }
      : { homeCommunityId: null, homeAdminPcode: null, homeCountryCode: null };
    if (input.homeCommunity === null) home = { homeCommunityId: null, homeAdminPcode: null, homeCountryCode: null };
    else if (input.homeCommunity !== undefined) {
      const community = input.homeCommunity;
      const place = await problems.check('input.homeCommunity', () => this.directory.community('input.homeCommunity', community));
      if (place) home = { homeCommunityId: place.communityId, homeAdminPcode: place.adminPcode, homeCountryCode: place.countryCode };
    }

    return problems.done({
      fullName,
      languageCodes,
      certifiedModuleIds,
      ...home,
      phone: problems.check('input.phone', () =>
        input.phone === undefined ? (current?.phone ?? null) : phoneNumber('input.phone', input.phone),
      ),
      email: problems.check('input.email', () =>
        input.email === undefined ? (current?.email ?? null) : emailAddress('input.email', input.email),
      ),
    });
  }

  private duplicates(fullName: string) {
    return {
      facilitator_same_person: () =>
        badInput('input.fullName', `Your organisation already has a facilitator named ${fullName} from the same home community`),
    };
  }
}
