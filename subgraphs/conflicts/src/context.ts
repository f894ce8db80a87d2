import { organisationOf, type AuditRecorder, type DirectoryClient, type PolicyContext, type Viewer } from '@peacegraph/kit';
import type { DataSource } from 'typeorm';
import { createLoaders, type Loaders } from './loaders';
import { createRepositories, type Repositories } from './repositories';
import { CaseChanges } from './services/case-changes';
import { ConflictCaseService } from './services/conflict-case-service';
import { ConflictStatsService } from './services/conflict-stats-service';
import { FollowUpService } from './services/follow-up-service';
import { MediationService } from './services/mediation-service';
import { PeaceCommissionService } from './services/peace-commission-service';
import { ReferralService } from './services/referral-service';
import { ResolutionService } from './services/resolution-service';

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
 * Per request: the verified caller, fresh loaders and the directory client `directory` gives (the
 * server makes a fresh one per request, so no cache is shared between callers), services bound to them.
 */
export function createContextFactory(dataSource: DataSource, directory: () => DirectoryClient) {
  const repositories = createRepositories(dataSource);
  return async (viewer: Viewer, audit: AuditRecorder): Promise<ConflictsContext> => {
    const loaders = createLoaders(repositories, viewer);
    const places = directory();
    const changes = new CaseChanges(repositories, loaders, viewer, audit);
    return {
      viewer,
      audit,
      dataSource,
      loaders,
      repositories,
      commissions: new PeaceCommissionService(repositories, loaders, places, viewer, audit),
      cases: new ConflictCaseService(repositories, loaders, places, viewer, audit, changes),
      mediation: new MediationService(changes, loaders),
      referrals: new ReferralService(changes, loaders),
      resolutions: new ResolutionService(changes, loaders),
      followUps: new FollowUpService(changes, loaders),
      stats: new ConflictStatsService(repositories, loaders, organisationOf(viewer)),
    };
  };
}
