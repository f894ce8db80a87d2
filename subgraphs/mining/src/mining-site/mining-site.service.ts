import { badInput } from '@peacegraph/kit/errors';
import { type ReferenceChecks, given } from '@peacegraph/kit/input';
import { lookUp } from '@peacegraph/kit/input';
import { operatorToCheck, requiredSiteFields, siteValues } from './mining-site.rules';
import { MiningSiteSchema, type MiningSite } from './mining-site.entity';
import type { CreateMiningSiteInput, UpdateMiningSiteInput } from '../generated/resolvers';
import type { Loaders } from '../loaders';
import type { Repositories } from '../repositories';
import type { RecordWrites } from '@peacegraph/kit/writes';

/** Mining sites in the directory's communities, with their operators (directory organisations). */
export class SiteService {
  constructor(
    private readonly repositories: Repositories,
    private readonly loaders: Loaders,
    private readonly directory: ReferenceChecks,
    private readonly writes: RecordWrites,
  ) {}

  async create(input: CreateMiningSiteInput): Promise<MiningSite> {
    return this.writes.once(MiningSiteSchema, input.clientMutationId, async (writer) => {
      const values = await this.validate(input, null);
      const place = await this.directory.community('input.community', input.community);
      return this.writes.create(writer, { ...values, ...place }, input.clientMutationId, {
        schema: MiningSiteSchema,
        recordType: 'MiningSite',
        operation: 'createMiningSite',
        fields: Object.keys(input),
        duplicates: this.duplicates(values.name),
      });
    });
  }

  async update(id: string, version: number, input: UpdateMiningSiteInput): Promise<MiningSite> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.site.load(id), 'MiningSite', id, version);
    const values = await this.validate(input, current);
    const moves = given(input.community) && input.community !== current.communityId;
    const place = moves ? await this.directory.community('input.community', input.community!) : {};
    return this.writes.update(
      current,
      version,
      { ...values, ...place },
      {
        schema: MiningSiteSchema,
        recordType: 'MiningSite',
        operation: 'updateMiningSite',
        fields: Object.keys(input),
        duplicates: this.duplicates(values.name),
        // Counted in the transaction with the site locked: a training naming it at this instant either
        // comes first and is counted, or waits and then finds the site moved (siteStillIn).
        check: moves
          ? async (manager) => {
              const uses = await this.repositories.sites.usesLocked(manager, current.id);
              if (uses > 0)
                throw badInput('input.community', `${uses} training(s) or consultation(s) name this site in its community: it cannot move`);
            }
          : undefined,
      },
    );
  }

  /** The values, after asking the directory for a new operator (only once nothing required is null). */
  private async validate(input: CreateMiningSiteInput | UpdateMiningSiteInput, current: MiningSite | null) {
    requiredSiteFields(input);
    const operator = operatorToCheck(input, current);
    const known = operator ? await lookUp(() => this.directory.organisations(() => 'input.operator', [operator])) : undefined;
    return siteValues(input, current, { operator: known });
  }

  private duplicates(name: string) {
    return { mining_site_name_in_community: () => badInput('input.name', `The community already has a mining site named "${name}"`) };
  }
}
