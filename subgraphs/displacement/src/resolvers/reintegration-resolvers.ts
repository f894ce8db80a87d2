import { isoDate, type PageArgs } from '@peacegraph/kit';
import type { DisplacementContext as C } from '../context';
import type {
  ReintegrationAssistance as AssistanceRow,
  ReintegrationCase as CaseRow,
  ReintegrationProgramme as ProgrammeRow,
} from '../entities/displacement';
import type { ReintegrationBreakdown, ReintegrationLevel } from '../repositories/displacement-aggregates';
import type { ReintegrationCaseFilter, ReintegrationProgrammeFilter } from '../repositories/reintegration-repository';
import type { ReintegrationStatsInput } from '../services/displacement-figures-service';
import { adminAreaRef, communityRef, organisationRef, sqlDates } from './displacement-references';

type Id = { id: string };
type Update<I> = { id: string; version: number; input: I };

export const reintegrationQueries = {
  reintegrationProgramme: (_: unknown, { id }: Id, { loaders }: C) => loaders.reintegrationProgramme.load(id),
  reintegrationProgrammes: (_: unknown, args: { filter?: ReintegrationProgrammeFilter | null } & PageArgs, { repositories }: C) =>
    repositories.reintegration.listProgrammes(sqlDates(args.filter, ['activeOn']), args),
  reintegrationCase: (_: unknown, { id }: Id, { reintegrationCases }: C) => reintegrationCases.get(id),
  reintegrationCases: (_: unknown, args: { filter?: ReintegrationCaseFilter | null } & PageArgs, { reintegrationCases }: C) =>
    reintegrationCases.list(sqlDates(args.filter, ['registeredFrom', 'registeredTo']), args),
  reintegrationStats: (
    _: unknown,
    args: { filter?: ReintegrationStatsInput | null; level: ReintegrationLevel; breakdown: ReintegrationBreakdown },
    { displacementFigures }: C,
  ) => displacementFigures.reintegrationStats(args.filter, args.level, args.breakdown),
};

export const reintegrationMutations = {
  createReintegrationProgramme: (
    _: unknown,
    { input }: { input: Parameters<C['reintegrationProgrammes']['create']>[0] },
    { reintegrationProgrammes }: C,
  ) => reintegrationProgrammes.create(input),
  updateReintegrationProgramme: (
    _: unknown,
    { id, version, input }: Update<Parameters<C['reintegrationProgrammes']['update']>[2]>,
    { reintegrationProgrammes }: C,
  ) => reintegrationProgrammes.update(id, version, input),
  registerReintegrationCase: (
    _: unknown,
    { input }: { input: Parameters<C['reintegrationCases']['register']>[0] },
    { reintegrationCases }: C,
  ) => reintegrationCases.register(input),
  recordReintegrationAssistance: (
    _: unknown,
    args: { case: string; version: number; input: Parameters<C['reintegrationCases']['recordAssistance']>[2] },
    { reintegrationCases }: C,
  ) => reintegrationCases.recordAssistance(args.case, args.version, args.input),
  changeReintegrationCaseStatus: (
    _: unknown,
    { id, version, input }: Update<Parameters<C['reintegrationCases']['changeStatus']>[2]>,
    { reintegrationCases }: C,
  ) => reintegrationCases.changeStatus(id, version, input),
};

export const ReintegrationProgramme = {
  adminAreas: (programme: ProgrammeRow) => programme.adminPcodes.map(adminAreaRef),
  startsOn: (programme: ProgrammeRow) => isoDate(programme.startsOn),
  owner: (programme: ProgrammeRow) => organisationRef(programme.ownerOrg),
};

export const ReintegrationCase = {
  programme: (c: CaseRow, _: unknown, { loaders }: C) => loaders.reintegrationProgramme.load(c.programmeId),
  adminArea: (c: CaseRow) => adminAreaRef(c.adminPcode),
  community: (c: CaseRow) => (c.communityId ? communityRef(c.communityId) : null),
  assistance: (c: CaseRow, _: unknown, { loaders }: C) => loaders.reintegrationAssistanceOfCase.load(c.id),
};

export const ReintegrationAssistance = {
  startedOn: (a: AssistanceRow) => isoDate(a.startedOn),
};

export const ReintegrationStatsLine = {
  adminArea: (line: { adminArea: string | null }) => (line.adminArea ? adminAreaRef(line.adminArea) : null),
};
