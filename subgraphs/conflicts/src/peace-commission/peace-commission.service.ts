import { badInput } from '@peacegraph/kit/errors';
import { given, isoDate, notInFuture, Problems, requiredName, type ReferenceChecks } from '@peacegraph/kit/input';
import type { RecordWrites } from '@peacegraph/kit/writes';
import { PeaceCommissionSchema, type PeaceCommission } from './peace-commission.entity';
import type { Loaders } from '../loaders';
import type { Repositories } from '../repositories';
import type { CreatePeaceCommissionInput, UpdatePeaceCommissionInput } from '../generated/resolvers';
import { cleanMembership } from './peace-commission.rules';

/** Recording and changing Peace Commissions: validated first, then one transaction with its audit row. */
export class PeaceCommissionService {
  constructor(
    private readonly repositories: Repositories,
    private readonly loaders: Loaders,
    private readonly directory: ReferenceChecks,
    private readonly writes: RecordWrites,
  ) {}

  /** A retry with the same clientMutationId, sequential or concurrent, answers with the commission created first. */
  create(input: CreatePeaceCommissionInput): Promise<PeaceCommission> {
    return this.writes.once(PeaceCommissionSchema, input.clientMutationId, async (writer) => {
      const problems = new Problems();
      const establishedOn = isoDate(input.establishedOn);
      problems.check('input.establishedOn', () => notInFuture('input.establishedOn', establishedOn, 'The establishment date'));
      const {
        managementCommittee,
        membership,
        places: [place],
      } = problems.done({
        managementCommittee: problems.check('input.managementCommittee', () =>
          requiredName('input.managementCommittee', input.managementCommittee, 'The management committee', 200),
        ),
        membership: problems.check('input.membership', () => cleanMembership('input.membership', input.membership)),
        places: await problems.check('input.community', () => this.directory.communities(() => 'input.community', [input.community])),
      });
      const taken = () => badInput('input.community', `Community ${input.community} already has a peace commission`);
      const values = { ...place!, managementCommittee, establishedOn, membership, active: input.active ?? true };
      return this.writes.create(writer, values, input.clientMutationId, {
        schema: PeaceCommissionSchema,
        recordType: 'PeaceCommission',
        operation: 'createPeaceCommission',
        fields: Object.keys(input),
        // One commission per community: checked first for a clear error; a concurrent creation that
        // passed the check meets the index.
        check: async (manager) => {
          if (await this.repositories.commissions.byCommunityId(manager, place!.communityId)) throw taken();
        },
        duplicates: { peace_commission_community: taken },
      });
    });
  }

  async update(id: string, version: number, input: UpdatePeaceCommissionInput): Promise<PeaceCommission> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.commission.load(id), 'PeaceCommission', id, version);
    const fields = await this.checkChange(current, input);
    return this.writes.update(current, version, fields, {
      schema: PeaceCommissionSchema,
      recordType: 'PeaceCommission',
      operation: 'updatePeaceCommission',
      fields: Object.keys(input),
    });
  }

  /**
   * Every problem of a change at once, before anything is written: the columns that change. The
   * commission's cases are read last, once the new date passes the rules that need no database.
   */
  private async checkChange(current: PeaceCommission, input: UpdatePeaceCommissionInput): Promise<Partial<PeaceCommission>> {
    const problems = new Problems();
    // What a commission always has is refused first when removed: the rules below build on it.
    if (input.establishedOn === null) problems.add('input.establishedOn', 'A peace commission has a date of establishment');
    if (input.membership === null) problems.add('input.membership', 'A peace commission has at least one member');
    if (input.active === null) problems.add('input.active', 'Say whether the commission is active');
    problems.throwIfAny();
    const { establishedOn, membership, active } = input;
    const fields: Partial<PeaceCommission> = {};
    if (input.managementCommittee !== undefined) {
      fields.managementCommittee = problems.check('input.managementCommittee', () =>
        requiredName('input.managementCommittee', input.managementCommittee, 'The management committee', 200),
      );
    }
    if (given(establishedOn)) {
      const date = isoDate(establishedOn);
      problems.check('input.establishedOn', () => notInFuture('input.establishedOn', date, 'The establishment date'));
      fields.establishedOn = date;
    }
    if (given(membership)) fields.membership = problems.check('input.membership', () => cleanMembership('input.membership', membership));
    if (given(active)) fields.active = active;
    if (fields.establishedOn && !problems.has('input.establishedOn')) {
      const firstCase = await this.repositories.cases.earliestReportedOn(current.id);
      // Its cases were reported to the commission: it existed by then.
      if (firstCase && fields.establishedOn > firstCase) {
        problems.add('input.establishedOn', `${fields.establishedOn} is after the commission's first case was reported (${firstCase})`);
      }
    }
    return problems.done(fields);
  }
}
