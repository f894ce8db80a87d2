import { badInput, conflict, notFound } from '@peacegraph/kit/errors';
import { given, Problems } from '@peacegraph/kit/input';
import { requireOwner } from '@peacegraph/kit/policy';
import type { OwnedRecord, RecordWrites, WriteSpec } from '@peacegraph/kit/writes';
import type { EntitySchema } from 'typeorm';
import { CommunitySchema, type Community } from './community.entity';
import type { CreateCommunityInput, UpdateCommunityInput } from '../generated/resolvers';
import type { Loaders } from '../loaders';
import type { Repositories } from '../repositories';
import { checkCoordinates, cleanAlternativeNames, cleanName } from './community.rules';

/**
 * A community as the kit's writes see it. The column allows a community with no owner or author
 * (shared reference data), which `OwnedRecord` does not; every community written through the graph
 * has both, and an update passes on the owner it read, whatever it is.
 */
type WrittenCommunity = Community & OwnedRecord;
const Communities = CommunitySchema as unknown as EntitySchema<WrittenCommunity>;

/**
 * Creating and changing communities: everything is checked before the database is touched, and the
 * write, with its audit row, is one transaction of the kit's RecordWrites, so a refused request
 * leaves nothing behind.
 */
export class CommunityService {
  constructor(
    private readonly repositories: Repositories,
    private readonly loaders: Loaders,
    private readonly writes: RecordWrites,
  ) {}

  /**
   * `id` is for demo data only (fixed ids other domains can name); the graph never passes one. A retry
   * with the same clientMutationId, sequential or concurrent, answers with the community created first.
   */
  create(input: CreateCommunityInput & { id?: string }): Promise<Community> {
    return this.writes.once(Communities, input.clientMutationId, async (writer) => {
      const fields = await this.validate(input, null);
      return this.writes.create<WrittenCommunity>(
        writer,
        { ...(input.id ? { id: input.id } : {}), ...fields },
        input.clientMutationId,
        this.spec(
          'createCommunity',
          Object.keys(input).filter((k) => k !== 'id'),
          fields,
        ),
      );
    });
  }

  async update(id: string, version: number, input: UpdateCommunityInput): Promise<Community> {
    const writer = this.writes.writer();
    const current = await this.loaders.community.load(id);
    if (!current) throw notFound('Community', id);
    // Communities are shared reference data: the platform's admins may correct any of them (which
    // the kit's `editable` does not allow, hence the checks here).
    requireOwner(writer, current.ownerOrg, `Community ${id}`, true);
    if (current.version !== version) {
      throw conflict(`Community ${id} has changed since you read it (version ${current.version}, you sent ${version})`, {
        currentVersion: current.version,
      });
    }
    const fields = await this.validate(input, current);
    return this.writes.update(current as WrittenCommunity, version, fields, this.spec('updateCommunity', Object.keys(input), fields, id));
  }

  /**
   * How a community is written: its audit row names the fields given, and no two communities of an
   * admin area share a name (checked in the write's transaction, and by the unique index for a
   * concurrent write).
   */
  private spec(
    operation: string,
    fields: string[],
    { name, adminPcode }: { name: string; adminPcode: string },
    exceptId?: string,
  ): WriteSpec<WrittenCommunity> {
    const duplicate = () => badInput('input.name', `A community named "${name}" already exists in admin area ${adminPcode}`);
    return {
      schema: Communities,
      recordType: 'Community',
      operation,
      fields,
      duplicates: { community_name_in_area: duplicate },
      check: async (manager) => {
        if (await this.repositories.communities.sameNameInArea(manager, name, adminPcode, exceptId)) throw duplicate();
      },
    };
  }

  private async validate(input: CreateCommunityInput | UpdateCommunityInput, current: Community | null) {
    const problems = new Problems();
    if (input.name === null) problems.add('input.name', 'The name cannot be empty');
    if (input.adminArea === null) problems.add('input.adminArea', 'A community must lie in an admin area');
    problems.throwIfAny();
    const name = problems.check('input.name', () => (input.name === undefined ? current!.name : cleanName('input.name', input.name!)));
    const alternativeNames = problems.check('input.alternativeNames', () =>
      given(input.alternativeNames)
        ? cleanAlternativeNames('input.alternativeNames', input.alternativeNames, name ?? '')
        : (current?.alternativeNames ?? []),
    );

    const adminPcode = input.adminArea ?? current!.adminPcode;
    const area = await this.loaders.adminArea.load(adminPcode);
    if (!area) problems.add('input.adminArea', `No admin area has the P-code ${adminPcode}`);
    const country = area ? await this.loaders.country.load(area.countryCode) : null;
    if (area && !country) throw new Error(`Admin area ${area.pcode} has no country`);

    const coordinatesGiven = input.latitude !== undefined || input.longitude !== undefined;
    const latitude = coordinatesGiven ? (input.latitude ?? null) : (current?.latitude ?? null);
    const longitude = coordinatesGiven ? (input.longitude ?? null) : (current?.longitude ?? null);
    if (country) {
      problems.check('input.latitude', () => {
        try {
          checkCoordinates(latitude, longitude, country);
        } catch (error) {
          if (coordinatesGiven) throw error;
          // The stored coordinates were fine where they were: it is the move that does not fit them.
          throw badInput(
            'input.adminArea',
            `The community's coordinates (${latitude}, ${longitude}) are outside ${country.nameEn}; give new coordinates with the new admin area`,
          );
        }
      });
    }

    let languageCodes = current?.languageCodes ?? [];
    if (given(input.languages)) {
      languageCodes = [...new Set(input.languages)];
      const known = await this.loaders.language.loadMany(languageCodes);
      const unknown = languageCodes.filter((_, i) => !known[i] || known[i] instanceof Error);
      if (unknown.length > 0) {
        problems.add('input.languages', `Unknown ISO 639-3 language code${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);
      }
    }

    const focalPoint = input.focalPoint === undefined ? (current?.focalPoint ?? null) : input.focalPoint?.trim() || null;
    if (focalPoint && focalPoint.length > 300) problems.add('input.focalPoint', 'The focal point is longer than 300 characters');

    return problems.done({
      name,
      alternativeNames,
      adminPcode,
      countryCode: area?.countryCode,
      latitude,
      longitude,
      languageCodes,
      focalPoint,
    });
  }
}
