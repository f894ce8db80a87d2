import { adminAreasByLevel } from './admin-areas-by-level';
import { areaConflictStats } from './area-conflict-stats';
import { communityCohorts } from './community-cohorts';
import { communityEntities } from './community-entities';
import { communityList } from './community-list';
import { communitySearch } from './community-search';
import { conflictStats } from './conflict-stats';
import { curriculumReachByArea, curriculumReachByQuarter } from './curriculum-reach';
import { displacementCaseload } from './displacement-caseload';
import { forumImplementation } from './forum-implementation';
import { forumParticipation } from './forum-participation';
import { forumSearch } from './forum-search';
import { miningKnowledgeGain, miningPeopleTrained } from './mining-aggregates';
import { miningCoverage } from './mining-coverage';
import { transhumanceFlows } from './transhumance-flows';
import type { Scenario } from './types';

/** In the order they run. A new scenario is one file here and one line below. */
export const scenarios: Scenario[] = [
  communityList,
  adminAreasByLevel,
  communitySearch,
  communityEntities,
  communityCohorts,
  conflictStats,
  areaConflictStats,
  forumSearch,
  forumImplementation,
  forumParticipation,
  miningPeopleTrained,
  miningKnowledgeGain,
  miningCoverage,
  transhumanceFlows,
  curriculumReachByArea,
  curriculumReachByQuarter,
  displacementCaseload,
];

export { requestOf } from './types';
export type { BenchViewer, Scenario, SubgraphName, Target, Variables } from './types';
