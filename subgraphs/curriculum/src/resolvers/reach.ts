import type { ReachGrouping } from '../repositories/reach-repository';
import type { ReachFigures } from '../services/reach-service';
import { adminAreaRef, countryRef } from './references';

type Group = { key: string; grouping: ReachGrouping | null; figures: ReachFigures };

export const ReachGroup = {
  country: (group: Group) => (group.grouping === 'COUNTRY' ? countryRef(group.key) : null),
  adminArea: (group: Group) => (group.grouping === 'REGION' || group.grouping === 'ADMIN_AREA' ? adminAreaRef(group.key) : null),
};
