import { type AuditRecorder } from '@peacegraph/kit/audit';
import { type Viewer } from '@peacegraph/kit/auth';
import { badInput, notFound } from '@peacegraph/kit/errors';
import { given, Problems, blank } from '@peacegraph/kit/input';
import { requireAdmin } from '@peacegraph/kit/policy';
import { updateWithVersion } from '@peacegraph/kit/writes';
import type { EntityManager } from 'typeorm';
import { DOMAINS, ORGANISATION_KINDS, OrganisationSchema, type Organisation } from './organisation.entity';
import type { CreateOrganisationInput, UpdateOrganisationInput } from '../generated/resolvers';
import type { Loaders } from '../loaders';
import type { Repositories } from '../repositories';

/** The partners of the platform: registered and changed by admins only, since tokens name them. */
export class OrganisationService {
  constructor(
    private readonly repositories: Repositories,
    private readonly loaders: Loaders,
    private readonly viewer: Viewer,
    private readonly audit: AuditRecorder,
  ) {}

  async create(input: CreateOrganisationInput): Promise<Organisation> {
    requireAdmin(this.viewer);
    const fields = await this.validate(input, null);
    return this.write(async (manager) => {
      const rows = manager.getRepository(OrganisationSchema);
      const created = await rows.save(rows.create(fields));
      await this.recordWrite(manager, 'createOrganisation', created.id, Object.keys(input));
      return created;
    }, fields.name);
  }

  async update(id: string, version: number, input: UpdateOrganisationInput): Promise<Organisation> {
    requireAdmin(this.viewer);
    const current = await this.loaders.organisation.load(id);
    if (!current) throw notFound('Organisation', id);
    const fields = await this.validate(input, current);
    return this.write(async (manager) => {
      const updated = await updateWithVersion(manager, OrganisationSchema, 'Organisation', id, version, fields);
      await this.recordWrite(manager, 'updateOrganisation', id, Object.keys(input));
      return updated;
    }, fields.name);
  }

  private async validate(input: CreateOrganisationInput | UpdateOrganisationInput, current: Organisation | null) {
    const problems = new Problems();
    if (input.name === null) problems.add('input.name', 'The name cannot be empty');
    if (input.kind === null) problems.add('input.kind', 'Say what kind of organisation it is');
    problems.throwIfAny();
    const name = input.name === undefined ? current!.name : input.name!.replace(/\s+/g, ' ').trim();
    if (blank(name)) problems.add('input.name', 'The name cannot be empty');
    if (name.length > 200) problems.add('input.name', 'The name is longer than 200 characters');
    const acronym = input.acronym === undefined ? (current?.acronym ?? null) : input.acronym?.trim() || null;
    const kind = input.kind ?? current!.kind;
    if (!ORGANISATION_KINDS.includes(kind)) problems.add('input.kind', `Unknown kind ${kind}`);
    const countryCodes = given(input.countries) ? [...new Set(input.countries)] : (current?.countryCodes ?? []);
    if (given(input.countries)) {
      const known = await this.loaders.country.loadMany(countryCodes);
      const unknown = countryCodes.filter((_, i) => !known[i] || known[i] instanceof Error);
      if (unknown.length) problems.add('input.countries', `Not a country of the platform: ${unknown.join(', ')}`);
    }
    const domains = given(input.domains) ? [...new Set(input.domains)] : (current?.domains ?? []);
    if (domains.some((d) => !DOMAINS.includes(d))) problems.add('input.domains', 'Unknown domain');
    return problems.done({ name, acronym, kind, countryCodes, domains });
  }

  private async write(work: (manager: EntityManager) => Promise<Organisation>, name: string): Promise<Organisation> {
    try {
      return await this.repositories.transaction(work);
    } catch (error) {
      const failure = error as { code?: string; constraint?: string };
      if (failure.code === '23505' && failure.constraint === 'organisation_name_unique') {
        throw badInput('input.name', `An organisation named "${name}" is already registered`);
      }
      throw error;
    }
  }

  private recordWrite(manager: EntityManager, operation: string, id: string, fields: string[]) {
    // An organisation owns its own record.
    return this.audit.recordWrite(manager, { operation, recordType: 'Organisation', recordIds: [id], fields, ownerOrg: id });
  }
}
