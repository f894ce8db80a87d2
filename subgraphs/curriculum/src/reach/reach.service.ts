import { type Viewer } from '@peacegraph/kit/auth';
import { type DisclosedCount } from '@peacegraph/kit/disclosure';
import { badInput } from '@peacegraph/kit/errors';
import { isoDate, type DateInput } from '@peacegraph/kit/input';
import { requirePartner } from '@peacegraph/kit/policy';
import { AUDIENCES } from '../common/headcount';
import type { Repositories } from '../repositories';
import type { ReachFilter, ReachGrouping, ReachRow } from './reach.repository';
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
    const rows = await this.repositories.reach.figures(filter, grouping, partner.organisationId);
    const exact = rows.every((r) => r.own);
    const keys = rows.map((r) => r.key).sort();
    const byKey = new Map(rows.map((r) => [r.key, r]));
    const rowAt = keys.map((k) => byKey.get(k)!);

    const counts = (value: (r: ReachRow) => number) =>
      discloseCountsAcross(
        rowAt.map((r) => value(r)),
        exact,
      );
    const completedFigures = counts((r) => r.cohortsCompleted);
    const deliveredFigures = counts((r) => r.sessionsDelivered);
    const makeUpFigures = counts((r) => r.makeUpSessionsDelivered);
    const participantFigures = discloseHeadcounts(
      rowAt.map((r) => r.participantsReached),
      exact,
    );
    const audienceFigures = discloseAudienceCounts(
      rowAt.map((r) => r.participantsReachedByAudience),
      AUDIENCES,
      exact,
    );
    const mobilisedFigures = discloseHeadcounts(
      rowAt.map((r) => r.peopleReachedByMobilisation),
      exact,
    );

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
