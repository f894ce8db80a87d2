import {
  badInput,
  conflict,
  constraintOf,
  createOnce,
  notFound,
  requireOwner,
  requireWriter,
  updateWithVersion,
  type AuditRecorder,
  type DirectoryClient,
  type Partner,
  type Viewer,
  given,
  isoDate,
  notInFuture,
  Problems,
  requiredName,
} from '@peacegraph/kit';
import type { EntityManager } from 'typeorm';
import { PeaceCommissionSchema, type PeaceCommission } from '../entities';
import type { Loaders } from '../loaders';
import type { Repositories } from '../repositories';
import { DOMAIN, givenFields } from './case-changes';
import { cleanMembership, type MembershipInput } from './commission-rules';
import { placeCommunities } from './places';

export interface CreatePeaceCommissionInput {
  community: string;
  managementCommittee: string;
  establishedOn: Date | string;
  membership: MembershipInput[];
  active?: boolean | null;
  clientMutationId?: string | null;
}

export interface UpdatePeaceCommissionInput {
  managementCommittee?: string | null;
  establishedOn?: Date | string | null;
  membership?: MembershipInput[] | null;
  active?: boolean | null;
}

/** Recording and changing Peace Commissions: validated first, then one transaction with its audit row. */
export class PeaceCommissionService {
  constructor(
    private readonly repositories: Repositories,
    private readonly loaders: Loaders,
    private readonly directory: DirectoryClient,
    private readonly viewer: Viewer,
    private readonly audit: AuditRecorder,
  ) {}

  /** A retry with the same clientMutationId, sequential or concurrent, answers with the commission created first. */
  create(input: CreatePeaceCommissionInput): Promise<PeaceCommission> {
    const writer = requireWriter(this.viewer, DOMAIN);
    const key = input.clientMutationId;
    return createOnce(
      key,
      async () => (key ? this.repositories.commissions.byClientMutationId(writer.organisationId, key) : null),
      () => this.createNew(writer, input),
    );
  }

  private async createNew(writer: Partner, input: CreatePeaceCommissionInput): Promise<PeaceCommission> {
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
      places: await problems.check('input.community', () => placeCommunities(this.directory, ['input.community'], [input.community])),
    });
    const taken = () => badInput('input.community', `Community ${input.community} already has a peace commission`);
    try {
      return await this.repositories.transaction(async (manager) => {
        if (await this.repositories.commissions.byCommunityId(manager, place!.communityId)) throw taken();
        const rows = manager.getRepository(PeaceCommissionSchema);
        const created = await rows.save(
          rows.create({
            ...place!,
            managementCommittee,
            establishedOn,
            membership,
            active: input.active ?? true,
            clientMutationId: input.clientMutationId ?? null,
            ownerOrg: writer.organisationId,
            createdBy: writer.subject,
          }),
        );
        await this.recordWrite(manager, 'createPeaceCommission', created, givenFields(input));
        return created;
      });
    } catch (error) {
      // One commission per community: a concurrent creation that passed the check above meets the index.
      if (constraintOf(error) === 'peace_commission_community') throw taken();
      throw error;
    }
  }

  async update(id: string, version: number, input: UpdatePeaceCommissionInput): Promise<PeaceCommission> {
    const writer = requireWriter(this.viewer, DOMAIN);
    const current = await this.loaders.commission.load(id);
    if (!current) throw notFound('PeaceCommission', id);
    requireOwner(writer, current.ownerOrg, `Peace commission ${id}`);
    if (current.version !== version) {
      throw conflict(`Peace commission ${id} has changed since you read it (version ${current.version}, you sent ${version})`, {
        currentVersion: current.version,
      });
    }
    const fields = await this.checkChange(current, input);
    const updated = await this.repositories.transaction(async (manager) => {
      const stored = await updateWithVersion(manager, PeaceCommissionSchema, 'Peace commission', id, version, fields);
      await this.recordWrite(manager, 'updatePeaceCommission', stored, givenFields(input));
      return stored;
    });
    this.loaders.commission.clear(id).prime(id, updated);
    this.loaders.commissionOfCommunity.clear(updated.communityId).prime(updated.communityId, updated);
    return updated;
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

  private recordWrite(manager: EntityManager, operation: string, commission: PeaceCommission, fields: string[]) {
    return this.audit.recordWrite(manager, {
      operation,
      recordType: 'PeaceCommission',
      recordIds: [commission.id],
      fields,
      ownerOrg: commission.ownerOrg,
    });
  }
}
