import type { ReachGroupResolvers } from '../generated/resolvers';
import { adminAreaRef, countryRef } from './references';

export const ReachGroup: ReachGroupResolvers = {
  country: (group) => (group.grouping === 'COUNTRY' ? countryRef(group.key) : null),
  adminArea: (group) => (group.grouping === 'REGION' || group.grouping === 'ADMIN_AREA' ? adminAreaRef(group.key) : null),
};
