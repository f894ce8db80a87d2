import { badInput } from '@peacegraph/kit/errors';
import { type ReferenceChecks, distinct, requiredName, given, Problems } from '@peacegraph/kit/input';
import { MINERALS, MINING_SITE_KINDS } from '../common/values';
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

  private async validate(input: CreateMiningSiteInput | UpdateMiningSiteInput, current: MiningSite | null) {
    const problems = new Problems();
    for (const field of ['name', 'community', 'kind', 'minerals'] as const) {
      if (input[field] === null) problems.add(`input.${field}`, `A mining site needs its ${field}`);
    }
    problems.throwIfAny();
    const kind = input.kind ?? current!.kind;
    if (!MINING_SITE_KINDS.includes(kind)) problems.add('input.kind', `Unknown kind ${kind}`);
    const minerals =
      problems.check('input.minerals', () =>
        given(input.minerals) ? distinct('input.minerals', input.minerals, (m) => m) : current!.minerals,
      ) ?? [];
    if (minerals.length === 0 && !problems.has('input.minerals')) problems.add('input.minerals', 'Name at least one mineral');
    const unknown = minerals.findIndex((m) => !MINERALS.includes(m));
    if (unknown >= 0) problems.add(`input.minerals.${unknown}`, `Unknown mineral ${minerals[unknown]}`);
    const operatorId = input.operator === undefined ? (current?.operatorId ?? null) : input.operator;
    if (kind === 'INDUSTRIAL' && !operatorId) problems.add('input.operator', 'An industrial site names its operator');
    if (operatorId && operatorId !== current?.operatorId)
      await problems.check('input.operator', () => this.directory.organisations(() => 'input.operator', [operatorId]));
    return problems.done({
      name: problems.check('input.name', () => (given(input.name) ? requiredName('input.name', input.name, 'The name') : current!.name)),
      kind,
      minerals,
      operatorId,
    });
  }

  private duplicates(name: string) {
    return { mining_site_name_in_community: () => badInput('input.name', `The community already has a mining site named "${name}"`) };
  }
}
