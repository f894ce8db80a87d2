import type { PageArgs } from '@peacegraph/kit';
import type { DisplacementContext as C } from '../context';
import type { AwarenessSession as SessionRow } from '../entities/displacement';
import type { AwarenessSessionFilter } from '../repositories/awareness-repository';
import { discloseSexAndAge } from '../services/displacement-disclosure';
import { adminAreaRef, communityRef, organisationRef, ownsRecord, sqlDates } from './displacement-references';

type Id = { id: string };
type Update<I> = { id: string; version: number; input: I };

export const awarenessQueries = {
  awarenessSession: (_: unknown, { id }: Id, { loaders }: C) => loaders.awarenessSession.load(id),
  awarenessSessions: (_: unknown, args: { filter?: AwarenessSessionFilter | null } & PageArgs, { repositories }: C) =>
    repositories.awarenessSessions.list(sqlDates(args.filter, ['from', 'to']), args),
  awarenessParticipants: (_: unknown, args: { filter?: AwarenessSessionFilter | null }, { displacementFigures }: C) =>
    displacementFigures.awarenessParticipants(sqlDates(args.filter, ['from', 'to'])),
};

export const awarenessMutations = {
  recordAwarenessSession: (_: unknown, { input }: { input: Parameters<C['awarenessSessions']['record']>[0] }, { awarenessSessions }: C) =>
    awarenessSessions.record(input),
  updateAwarenessSession: (
    _: unknown,
    { id, version, input }: Update<Parameters<C['awarenessSessions']['update']>[2]>,
    { awarenessSessions }: C,
  ) => awarenessSessions.update(id, version, input),
};

/** Participants of one session, in the shape of the aggregate (exact for the owner). */
export function sessionParticipants(session: SessionRow, exact: boolean) {
  return {
    exact,
    sessions: 1,
    ...discloseSexAndAge(
      session.participants.map((g) => ({ sex: g.sex, ageGroup: g.ageGroup, count: g.people })),
      exact,
    ),
  };
}

export const AwarenessSession = {
  community: (session: SessionRow) => communityRef(session.communityId),
  adminArea: (session: SessionRow) => adminAreaRef(session.adminPcode),
  country: (session: SessionRow) => session.countryCode,
  participants: (session: SessionRow, _: unknown, { viewer }: C) => sessionParticipants(session, ownsRecord(viewer, session.ownerOrg)),
  facilitators: (session: SessionRow) => session.facilitatorIds.map(organisationRef),
  recordedBy: (session: SessionRow) => organisationRef(session.ownerOrg),
};

/** The aggregate's cells carry `count`; the schema calls them `people`. */
export const AwarenessParticipants = {
  groups: (p: { groups: { sex: string; ageGroup: string; count: unknown }[] }) =>
    p.groups.map((g) => ({ sex: g.sex, ageGroup: g.ageGroup, people: g.count })),
  bySex: (p: { bySex: { sex: string; count: unknown }[] }) => p.bySex.map((g) => ({ sex: g.sex, people: g.count })),
  byAgeGroup: (p: { byAgeGroup: { ageGroup: string; count: unknown }[] }) =>
    p.byAgeGroup.map((g) => ({ ageGroup: g.ageGroup, people: g.count })),
};
