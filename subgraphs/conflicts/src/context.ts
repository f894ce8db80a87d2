import { type AuditRecorder } from '@peacegraph/kit/audit';
import { organisationOf, type Viewer } from '@peacegraph/kit/auth';
import { ReferenceChecks, type DirectoryClient } from '@peacegraph/kit/input';
import { type PolicyContext } from '@peacegraph/kit/policy';
import { RecordWrites } from '@peacegraph/kit/writes';
import type { DataSource } from 'typeorm';
import { clearLoaders, createLoaders, type Loaders } from './loaders';
import { createRepositories, type Repositories } from './repositories';
import { ConflictCaseService } from './conflict-case/conflict-case.service';
import { ConflictStatsService } from './statistics/statistics.service';
import { FollowUpService } from './follow-up/follow-up.service';
import { MediationService } from './mediation-session/mediation-session.service';
import { PeaceCommissionService } from './peace-commission/peace-commission.service';
import { ReferralService } from './referral/referral.service';
import { ResolutionService } from './resolution/resolution.service';

export interface ConflictsContext extends PolicyContext {
  dataSource: DataSource;
  loaders: Loaders;
  repositories: Repositories;
  commissions: PeaceCommissionService;
  cases: ConflictCaseService;
  mediation: MediationService;
  referrals: ReferralService;
  resolutions: ResolutionService;
  followUps: FollowUpService;
  stats: ConflictStatsService;
}

/**
 * Per request: the verified caller, fresh loaders, the kit's directory checks over the client `directory`
 * gives (the server makes a fresh one per request, so no cache is shared between callers), services
 * bound to them.
 */
export function createContextFactory(dataSource: DataSource, directory: () => DirectoryClient) {
  const repositories = createRepositories(dataSource);
  return async (viewer: Viewer, audit: AuditRecorder): Promise<ConflictsContext> => {
    const loaders = createLoaders(repositories, viewer);
    const places = new ReferenceChecks(directory());
    // The kit's one write path (scope conflicts:write, owner, version, audit, retries). A write clears the
    // request's loaders, so the next mutation of the request validates against what this one wrote.
    const writes = new RecordWrites('conflicts', dataSource, viewer, audit, () => clearLoaders(loaders));
    return {
      viewer,
      audit,
      dataSource,
      loaders,
      repositories,
      commissions: new PeaceCommissionService(repositories, loaders, places, writes),
      cases: new ConflictCaseService(repositories, loaders, places, writes),
      mediation: new MediationService(repositories, loaders, writes),
      referrals: new ReferralService(repositories, loaders, writes),
      resolutions: new ResolutionService(repositories, loaders, writes),
      followUps: new FollowUpService(repositories, loaders, writes),
      stats: new ConflictStatsService(repositories, loaders, organisationOf(viewer)),
    };
  };
}
