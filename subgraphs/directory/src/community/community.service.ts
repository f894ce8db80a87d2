import { type AuditRecorder } from '@peacegraph/kit/audit';
import { type Viewer } from '@peacegraph/kit/auth';
import { badInput, conflict, notFound } from '@peacegraph/kit/errors';
import { given, Problems } from '@peacegraph/kit/input';
import { requireOwner, requireWriter } from '@peacegraph/kit/policy';
import { createOnce, updateWithVersion } from '@peacegraph/kit/writes';
import type { EntityManager } from 'typeorm';
import { CommunitySchema, type Community } from './community.entity';
import type { CreateCommunityInput, UpdateCommunityInput } from '../generated/resolvers';
import type { Loaders } from '../loaders';
import type { Repositories } from '../repositories';
import { checkCoordinates, cleanAlternativeNames, cleanName } from './community.rules';

const DOMAIN = 'directory';

/** The unique index a failed INSERT/UPDATE ran into, if that is why it failed. */
function constraintOf(error: unknown): string | undefined {
  const failure = error as { code?: string; constraint?: string; driverError?: { constraint?: string } };
  if (failure.code !== '23505') return undefined;
  return failure.constraint ?? failure.driverError?.constraint;
}

/**
 * Creating and changing communities: everything is checked before the database is touched, and the
 * write is one transaction, so a refused request leaves nothing behind.
 */
export class CommunityService {
  constructor(
    private readonly repositories: Repositories,
    private readonly loaders: Loaders,
    private readonly viewer: Viewer,
    private readonly audit: AuditRecorder,
  ) {}

  /**
   * `id` is for demo data only (fixed ids other domains can name); the graph never passes one. A retry
   * with the same clientMutationId, sequential or concurrent, answers with the community created first.
   */
  create(input: CreateCommunityInput & { id?: string }): Promise<Community> {
    const writer = requireWriter(this.viewer, DOMAIN);
    const key = input.clientMutationId;
    return createOnce(
      key,
      async () => (key ? this.repositories.communities.byClientMutationId(writer.organisationId, key) : null),
      async () => {
        const fields = await this.validate(input, null);
        return this.write(fields.name, fields.adminPcode, undefined, async (manager) => {
          const rows = manager.getRepository(CommunitySchema);
          const created = await rows.save(
            rows.create({
              ...(input.id ? { id: input.id } : {}),
              ...fields,
              clientMutationId: key ?? null,
              ownerOrg: writer.organisationId,
              createdBy: writer.subject,
            }),
          );
          await this.recordWrite(
            manager,
            'createCommunity',
            created.id,
            Object.keys(input).filter((k) => k !== 'id'),
            writer.organisationId,
          );
          return created;
        });
      },
    );
  }

  async update(id: string, version: number, input: UpdateCommunityInput): Promise<Community> {
    const writer = requireWriter(this.viewer, DOMAIN);
    const current = await this.loaders.community.load(id);
    if (!current) throw notFound('Community', id);
    // Communities are shared reference data: the platform's admins may correct any of them.
    requireOwner(writer, current.ownerOrg, `Community ${id}`, true);
    if (current.version !== version) {
      throw conflict(`Community ${id} has changed since you read it (version ${current.version}, you sent ${version})`, {
        currentVersion: current.version,
      });
    }
    const fields = await this.validate(input, current);
    return this.write(fields.name, fields.adminPcode, id, async (manager) => {
      const updated = await updateWithVersion(manager, CommunitySchema, 'Community', id, version, fields);
      await this.recordWrite(manager, 'updateCommunity', id, Object.keys(input), current.ownerOrg);
      return updated;
    });
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

  private recordWrite(manager: EntityManager, operation: string, id: string, fields: string[], ownerOrg: string | null) {
    return this.audit.recordWrite(manager, {
      operation,
      recordType: 'Community',
      recordIds: [id],
      fields: fields.filter((f) => f !== 'clientMutationId'),
      ownerOrg,
    });
  }

  private async write(
    name: string,
    adminPcode: string,
    exceptId: string | undefined,
    work: (manager: EntityManager) => Promise<Community>,
  ): Promise<Community> {
    const duplicate = () => badInput('input.name', `A community named "${name}" already exists in admin area ${adminPcode}`);
    try {
      return await this.repositories.transaction(async (manager) => {
        const existing = await this.repositories.communities.sameNameInArea(manager, name, adminPcode, exceptId);
        if (existing) throw duplicate();
        return work(manager);
      });
    } catch (error) {
      if (constraintOf(error) === 'community_name_in_area') throw duplicate();
      throw error;
    }
  }
}
