import { type Viewer } from '@peacegraph/kit/auth';
import { type DisclosedCount } from '@peacegraph/kit/disclosure';
import { badInput } from '@peacegraph/kit/errors';
import { isoDate, type DateInput } from '@peacegraph/kit/input';
import { requirePartner } from '@peacegraph/kit/policy';
import {
  AUDIENCE_FIELDS,
  AUDIENCES,
  emptyAudienceCounts,
  emptyHeadcount,
  HEADCOUNT_CELLS,
  type AudienceCounts,
  type Headcount,
} from '../common/headcount';
import type { Repositories } from '../repositories';
import type { CountRow, HeadcountRow, ReachFilter, ReachGrouping } from './reach.repository';
import {
  discloseAudienceCounts,
  discloseCountsAcross,
  discloseHeadcounts,
  type DisclosedAudienceCount,
  type DisclosedHeadcount,
} from '../common/disclosure';

export interface ReachFigures {
  cohortsCompleted: DisclosedCount;
  sessionsDelivered: DisclosedCount;
  makeUpSessionsDelivered: DisclosedCount;
  participantsReached: DisclosedHeadcount;
  participantsReachedByAudience: DisclosedAudienceCount[];
  peopleReachedByMobilisation: DisclosedHeadcount;
}

export interface Reach {
  exact: boolean;
  groupBy: ReachGrouping | null;
  groups: { key: string; grouping: ReachGrouping | null; figures: ReachFigures }[];
  total: ReachFigures;
}

export type ReachFilterInput = Omit<ReachFilter, 'from' | 'to'> & { from?: DateInput | null; to?: DateInput | null };

/**
 * The curriculum's figures by country, area or period. Exact when every cohort counted is the
 * caller's organisation's; otherwise every figure goes through the kit's disclosure control, groups
 * and total in one table per figure so that no group's withheld count can be recovered from the
 * total.
 */
export class ReachService {
  constructor(
    private readonly repositories: Repositories,
    private readonly viewer: Viewer,
  ) {}

  async reach(filterInput: ReachFilterInput | null | undefined, groupBy: ReachGrouping | null | undefined): Promise<Reach> {
    const partner = requirePartner(this.viewer);
    const filter: ReachFilter = {
      ...filterInput,
      from: filterInput?.from ? isoDate(filterInput.from) : null,
      to: filterInput?.to ? isoDate(filterInput.to) : null,
    };
    if (filter.from && filter.to && filter.from > filter.to) throw badInput('filter.to', `${filter.to} is before ${filter.from}`);
    const grouping = groupBy ?? null;
    const { reach } = this.repositories;
    const [completed, delivered, participants, mobilised] = await Promise.all([
      reach.cohortsCompleted(filter, grouping, partner.organisationId),
      reach.sessionsDelivered(filter, grouping, partner.organisationId),
      reach.participantsReached(filter, grouping, partner.organisationId),
      reach.reachedByMobilisation(filter, grouping, partner.organisationId),
    ]);
    const exact = [completed, delivered, participants, mobilised].every((rows: { own: boolean }[]) => rows.every((r) => r.own));
    const keys = [...new Set([...completed, ...delivered, ...participants, ...mobilised].map((r) => r.key))].sort();

    const counts = (rows: CountRow[], value: (r: CountRow) => number) =>
      discloseCountsAcross(
        keys.map((k) => value(rows.find((r) => r.key === k) ?? zeroCount(k))),
        exact,
      );
    const headcounts = (rows: HeadcountRow[]) =>
      discloseHeadcounts(
        keys.map((k) => headcountOf(rows.find((r) => r.key === k))),
        exact,
      );
    const completedFigures = counts(completed, (r) => r.count);
    const deliveredFigures = counts(delivered, (r) => r.count);
    const makeUpFigures = counts(delivered, (r) => r.makeUps);
    const participantFigures = headcounts(participants);
    const audienceFigures = discloseAudienceCounts(
      keys.map((k) => audiencesOf(participants.find((r) => r.key === k))),
      AUDIENCES,
      exact,
    );
    const mobilisedFigures = headcounts(mobilised);

    const figuresAt = (i: number): ReachFigures => ({
      cohortsCompleted: completedFigures.groups[i]!,
      sessionsDelivered: deliveredFigures.groups[i]!,
      makeUpSessionsDelivered: makeUpFigures.groups[i]!,
      participantsReached: participantFigures.groups[i]!,
      participantsReachedByAudience: audienceFigures.groups[i]!,
      peopleReachedByMobilisation: mobilisedFigures.groups[i]!,
    });
    return {
      exact,
      groupBy: grouping,
      groups: grouping ? keys.map((key, i) => ({ key, grouping, figures: figuresAt(i) })) : [],
      total: {
        cohortsCompleted: completedFigures.overall,
        sessionsDelivered: deliveredFigures.overall,
        makeUpSessionsDelivered: makeUpFigures.overall,
        participantsReached: participantFigures.overall,
        participantsReachedByAudience: audienceFigures.overall,
        peopleReachedByMobilisation: mobilisedFigures.overall,
      },
    };
  }
}

function zeroCount(key: string): CountRow {
  return { key, own: true, count: 0, makeUps: 0 };
}

function headcountOf(row: HeadcountRow | undefined): Headcount {
  const headcount = emptyHeadcount();
  if (row) for (const cell of HEADCOUNT_CELLS) headcount[cell] = row[cell];
  return headcount;
}

function audiencesOf(row: HeadcountRow | undefined): AudienceCounts {
  const counts = emptyAudienceCounts();
  if (row) for (const field of AUDIENCE_FIELDS) counts[field] = row[field] ?? 0;
  return counts;
}
