import { organisationOf } from '@peacegraph/kit/auth';
import { ReferenceChecks, type DirectoryClient } from '@peacegraph/kit/input';
import { perRequest, type RequestContext } from '@peacegraph/kit/server';
import type { DataSource } from 'typeorm';
import { createLoaders, type Loaders } from './loaders';
import { createRepositories, type Repositories } from './repositories';
import { ConflictCaseService } from './conflict-case/conflict-case.service';
import { ConflictStatsService } from './statistics/statistics.service';
import { FollowUpService } from './follow-up/follow-up.service';
import { MediationService } from './mediation-session/mediation-session.service';
import { PeaceCommissionService } from './peace-commission/peace-commission.service';
import { ReferralService } from './referral/referral.service';
import { ResolutionService } from './resolution/resolution.service';

export interface ConflictsContext extends RequestContext<Repositories, Loaders> {
  commissions: PeaceCommissionService;
  cases: ConflictCaseService;
  mediation: MediationService;
  referrals: ReferralService;
  resolutions: ResolutionService;
  followUps: FollowUpService;
  stats: ConflictStatsService;
}

/**
 * Per request: the kit's basics (caller, fresh loaders, writes), its directory checks over the client
 * `directory` gives (the server makes a fresh one per request, so no cache is shared between callers),
 * services bound to them.
 */
export function createContextFactory(dataSource: DataSource, directory: () => DirectoryClient) {
  const repositories = createRepositories(dataSource);
  return perRequest<ConflictsContext>(
    { name: 'conflicts', dataSource, repositories, loaders: createLoaders },
    ({ viewer, loaders, writes }) => {
      const places = new ReferenceChecks(directory());
      return {
        commissions: new PeaceCommissionService(repositories, loaders, places, writes),
        cases: new ConflictCaseService(repositories, loaders, places, writes),
        mediation: new MediationService(repositories, loaders, writes),
        referrals: new ReferralService(repositories, loaders, writes),
        resolutions: new ResolutionService(repositories, loaders, writes),
        followUps: new FollowUpService(repositories, loaders, writes),
        stats: new ConflictStatsService(repositories, loaders, organisationOf(viewer)),
      };
    },
  );
}
