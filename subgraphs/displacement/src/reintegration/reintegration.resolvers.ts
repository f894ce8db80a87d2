import { isoDate } from '@peacegraph/kit/input';
import type {
  MutationResolvers,
  QueryResolvers,
  ReintegrationAssistanceResolvers,
  ReintegrationCaseResolvers,
  ReintegrationProgrammeResolvers,
} from '../generated/resolvers';
import { adminAreaRef, communityRef, organisationRef, sqlDates } from '../common/references';

export const reintegrationQueries: QueryResolvers = {
  reintegrationProgramme: (_, { id }, { loaders }) => loaders.reintegrationProgramme.load(id),
  reintegrationProgrammes: (_, args, { repositories }) =>
    repositories.reintegration.listProgrammes(sqlDates(args.filter, ['activeOn']), args),
  reintegrationCase: (_, { id }, { reintegrationCases }) => reintegrationCases.get(id),
  reintegrationCases: (_, args, { reintegrationCases }) =>
    reintegrationCases.list(sqlDates(args.filter, ['registeredFrom', 'registeredTo']), args),
};

export const reintegrationMutations: MutationResolvers = {
  createReintegrationProgramme: (_, { input }, { reintegrationProgrammes }) => reintegrationProgrammes.create(input),
  updateReintegrationProgramme: (_, { id, version, input }, { reintegrationProgrammes }) =>
    reintegrationProgrammes.update(id, version, input),
  registerReintegrationCase: (_, { input }, { reintegrationCases }) => reintegrationCases.register(input),
  recordReintegrationAssistance: (_, args, { reintegrationCases }) =>
    reintegrationCases.recordAssistance(args.case, args.version, args.input),
  changeReintegrationCaseStatus: (_, { id, version, input }, { reintegrationCases }) => reintegrationCases.changeStatus(id, version, input),
};

export const ReintegrationProgramme: ReintegrationProgrammeResolvers = {
  adminAreas: (programme) => programme.adminPcodes.map(adminAreaRef),
  startsOn: (programme) => isoDate(programme.startsOn),
  owner: (programme) => organisationRef(programme.ownerOrg),
};

export const ReintegrationCase: ReintegrationCaseResolvers = {
  programme: (c, _, { loaders }) => loaders.reintegrationProgramme.load(c.programmeId),
  adminArea: (c) => adminAreaRef(c.adminPcode),
  community: (c) => (c.communityId ? communityRef(c.communityId) : null),
  assistance: (c, _, { loaders }) => loaders.reintegrationAssistanceOfCase.load(c.id),
};

export const ReintegrationAssistance: ReintegrationAssistanceResolvers = {
  startedOn: (a) => isoDate(a.startedOn),
};
