import { badInput, notFound } from '@peacegraph/kit/errors';
import { given, Problems, blank } from '@peacegraph/kit/input';
import type { AdminWriteSpec, RecordWrites } from '@peacegraph/kit/writes';
import { DOMAINS, ORGANISATION_KINDS, OrganisationSchema, type Organisation } from './organisation.entity';
import type { CreateOrganisationInput, UpdateOrganisationInput } from '../generated/resolvers';
import type { Loaders } from '../loaders';

/** The partners of the platform: registered and changed by admins only, since tokens name them. */
export class OrganisationService {
  constructor(
    private readonly loaders: Loaders,
    private readonly writes: RecordWrites,
  ) {}

  async create(input: CreateOrganisationInput): Promise<Organisation> {
    this.writes.admin();
    const fields = await this.validate(input, null);
    return this.writes.createAsAdmin<Organisation>(fields, this.spec('createOrganisation', Object.keys(input), fields.name));
  }

  async update(id: string, version: number, input: UpdateOrganisationInput): Promise<Organisation> {
    this.writes.admin();
    const current = await this.loaders.organisation.load(id);
    if (!current) throw notFound('Organisation', id);
    const fields = await this.validate(input, current);
    return this.writes.updateAsAdmin(id, version, fields, this.spec('updateOrganisation', Object.keys(input), fields.name));
  }

  /** An organisation owns its own record; no two share a name (the unique index, for a concurrent write too). */
  private spec(operation: string, fields: string[], name: string): AdminWriteSpec<Organisation> {
    return {
      schema: OrganisationSchema,
      recordType: 'Organisation',
      operation,
      fields,
      auditOwner: (organisation) => organisation.id,
      duplicates: {
        organisation_name_unique: () => badInput('input.name', `An organisation named "${name}" is already registered`),
      },
    };
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
}
