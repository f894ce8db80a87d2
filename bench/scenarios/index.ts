import { adminAreasByLevel } from './admin-areas-by-level';
import { communityEntities } from './community-entities';
import { communityList } from './community-list';
import { communitySearch } from './community-search';
import type { Scenario } from './types';

/** In the order they run. A new scenario is one file here and one line below. */
export const scenarios: Scenario[] = [communityList, adminAreasByLevel, communitySearch, communityEntities];

export type { Scenario, Target, Variables } from './types';
