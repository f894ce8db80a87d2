import type { RecordWrites } from '@peacegraph/kit/writes';
import { type Viewer } from '@peacegraph/kit/auth';
import { badInput, forbidden } from '@peacegraph/kit/errors';
import { type ReferenceChecks, given } from '@peacegraph/kit/input';
import { requireOwner, requirePartner, type Partner } from '@peacegraph/kit/policy';
import { type PageArgs } from '@peacegraph/kit/sql';
import type { EntityManager } from 'typeorm';
import { ReintegrationCaseSchema, type ReintegrationCase } from './reintegration.entity';
import type { Loaders } from '../loaders';
import type { Repositories } from '../repositories';
import type { ReintegrationCaseFilter } from './reintegration.repository';
import { lookUp } from '@peacegraph/kit/input';
import { assistanceValues, caseRegistration, checkReintegrated, needsAssistanceOnRecord, statusChangeOn } from './reintegration.rules';
import type { RegisterReintegrationCaseInput, ReintegrationAssistanceInput, ReintegrationStatusInput } from '../generated/resolvers';

export const SENSITIVE_SCOPE = 'displacement:sensitive';

const SPEC = { schema: ReintegrationCaseSchema, recordType: 'ReintegrationCase' };

/**
 * Reintegration cases: identifying, so everything here needs displacement:sensitive as well as the
 * caller's organisation owning the case (`admin` opens nothing). The beneficiary code is made here,
 * never typed: a code typed by staff may carry a name's initials or an identity card number.
 */
export class ReintegrationCaseService {
  constructor(
    private readonly viewer: Viewer,
    private readonly repositories: Repositories,
    private readonly loaders: Loaders,
    private readonly directory: ReferenceChecks,
    private readonly writes: RecordWrites,
  ) {}

  /** The caller's organisation's cases; nobody lists another organisation's. */
  list(filter: ReintegrationCaseFilter, page: PageArgs) {
    const reader = this.sensitiveReader();
    return this.repositories.reintegration.listCases(reader.organisationId, filter, page);
  }

  /** A case of the caller's organisation; another's is simply not found (its existence is not told). */
  async get(id: string): Promise<ReintegrationCase | null> {
    const reader = this.sensitiveReader();
    const found = await this.loaders.reintegrationCase.load(id);
    return found && found.ownerOrg === reader.organisationId ? found : null;
  }

  async register(input: RegisterReintegrationCaseInput): Promise<ReintegrationCase> {
    // The sensitive scope first: without it, not even a retry is answered.
    this.sensitiveWriter();
    return this.writes.once(ReintegrationCaseSchema, input.clientMutationId, async (writer) => {
      const programme = await this.loaders.reintegrationProgramme.load(input.programme);
      if (!programme) throw badInput('input.programme', `No reintegration programme with id "${input.programme}"`);
      requireOwner(writer, programme.ownerOrg, `Programme ${programme.id}`);
      const loaded = {
        area: await lookUp(() => this.directory.adminArea('input.adminArea', input.adminArea)),
        community: given(input.community) ? await lookUp(() => this.directory.community('input.community', input.community!)) : undefined,
      };
      const { registeredOn, area, communityId } = caseRegistration(input, programme, loaded);
      const values: Partial<ReintegrationCase> = {
        programmeId: programme.id,
        category: input.category,
        sex: input.sex,
        ageGroup: input.ageGroup,
        adminPcode: area.adminPcode,
        admin1Pcode: area.admin1Pcode,
        countryCode: area.countryCode,
        communityId,
        registeredOn,
        status: 'REGISTERED',
        statusSince: registeredOn,
      };
      return this.writes.create(writer, values, input.clientMutationId, {
        ...SPEC,
        operation: 'registerReintegrationCase',
        fields: Object.keys(input),
        // The next number of the programme, taken inside the write's transaction (the row lock orders
        // concurrent registrations); the pipeline reads `values` after this check.
        check: async (manager) => {
          const number = await this.repositories.reintegration.takeNextCaseNumber(manager, programme.id);
          values.beneficiaryCode = beneficiaryCode(programme.code, number);
        },
      });
    });
  }

  /** Assistance given; the first one starts assistance (REGISTERED → IN_ASSISTANCE). */
  async recordAssistance(id: string, version: number, input: ReintegrationAssistanceInput): Promise<ReintegrationCase> {
    const writer = this.sensitiveWriter();
    const current = this.writes.editable(writer, await this.loaders.reintegrationCase.load(id), 'ReintegrationCase', id, version);
    const { startedOn, endedOn, changes } = assistanceValues(input, current);
    return this.writes.update(current, version, changes, {
      ...SPEC,
      operation: 'recordReintegrationAssistance',
      fields: Object.keys(input),
      after: async (manager: EntityManager) => {
        await this.repositories.reintegration.addAssistance(manager, {
          caseId: current.id,
          ownerOrg: current.ownerOrg,
          kind: input.kind,
          startedOn,
          endedOn,
          createdBy: writer.subject,
        });
      },
    });
  }

  async changeStatus(id: string, version: number, input: ReintegrationStatusInput): Promise<ReintegrationCase> {
    const writer = this.sensitiveWriter();
    const current = this.writes.editable(writer, await this.loaders.reintegrationCase.load(id), 'ReintegrationCase', id, version);
    const on = statusChangeOn(input, current);
    const assistance = needsAssistanceOnRecord(input.status) ? await this.loaders.reintegrationAssistanceOfCase.load(id) : [];
    checkReintegrated(input.status, assistance);
    return this.writes.update(
      current,
      version,
      { status: input.status, statusSince: on },
      {
        ...SPEC,
        operation: 'changeReintegrationCaseStatus',
        fields: Object.keys(input),
      },
    );
  }

  private sensitiveReader(): Partner {
    const reader = requirePartner(this.viewer);
    if (!reader.scopes.has(SENSITIVE_SCOPE)) throw forbidden(`Reintegration cases are sensitive: this needs ${SENSITIVE_SCOPE}`);
    return reader;
  }

  private sensitiveWriter(): Partner {
    const writer = this.writes.writer();
    if (!writer.scopes.has(SENSITIVE_SCOPE))
      throw forbidden(`Reintegration cases are sensitive: recording them needs ${SENSITIVE_SCOPE} as well`);
    return writer;
  }
}

/** `<programme code>-<number>`, numbers counted per programme from 0001 and never reused. */
function beneficiaryCode(code: string, number: number): string {
  return `${code}-${String(number).padStart(4, '0')}`;
}
