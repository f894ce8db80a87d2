import { type Viewer } from '@peacegraph/kit/auth';
import { DEFAULT_THRESHOLD, type DisclosedCount } from '@peacegraph/kit/disclosure';
import { badInput } from '@peacegraph/kit/errors';
import { isoDate, type DateInput } from '@peacegraph/kit/input';
import { requirePartner } from '@peacegraph/kit/policy';
import { STAKEHOLDER_GROUPS } from '../common/values';
import type { Repositories } from '../repositories';
import type {
  CoverageFilter,
  CoverageLevel,
  CoverageRow,
  KnowledgeGainGrouping,
  KnowledgeRow,
  PeopleTrainedGrouping,
} from './statistics.repository';
import { trainingFilter, type TrainingFilterInput } from '../training/training.rules';
import { discloseCount, discloseCountsAcross, discloseHeadcount, discloseHeadcounts, type DisclosedHeadcount } from '../common/disclosure';

export type CoverageFilterInput = Omit<CoverageFilter, 'from' | 'to'> & { from?: DateInput | null; to?: DateInput | null };

export interface PeopleTrainedGroup {
  key: string;
  grouping: PeopleTrainedGrouping;
  trainings: number;
  people: DisclosedHeadcount;
}

export interface KnowledgeGainFigures {
  trainingsMeasured: number;
  assessed: DisclosedCount;
  meanPreScorePercent: number | null;
  meanPostScorePercent: number | null;
  meanGainPoints: number | null;
  withheld: boolean;
}

export interface AreaFigures {
  miningSites: number;
  sitesWithTraining: number;
  trainings: number;
  peopleTrained: DisclosedCount;
  consultations: number;
  mediaInterventions: number;
  estimatedMediaAudience: number | null;
  exact: boolean;
}

/** The key the people counted only in a total group under, by stakeholder group. */
export const NOT_BROKEN_DOWN = 'NOT_BROKEN_DOWN';

const ORDER_OF_GROUP = (key: string) =>
  key === NOT_BROKEN_DOWN ? STAKEHOLDER_GROUPS.length : STAKEHOLDER_GROUPS.indexOf(key as (typeof STAKEHOLDER_GROUPS)[number]);

/**
 * Means to one decimal: finer would only suggest a precision the tests do not have. Sums of fractions
 * differ in their last bits with the order they were added in (the rollup adds a month's sums, the raw
 * statement the groups), so a half a hair's breadth off is taken as the half it is and rounded up.
 */
const round = (value: number) => Math.round(value * 10 + 1e-9) / 10;

function coverageFilter(input: CoverageFilterInput | null | undefined): CoverageFilter {
  const filter: CoverageFilter = { ...input, from: input?.from ? isoDate(input.from) : null, to: input?.to ? isoDate(input.to) : null };
  if (filter.from && filter.to && filter.from > filter.to) throw badInput('filter.to', `${filter.to} is before ${filter.from}`);
  return filter;
}

/**
 * The subgraph's figures as partners may see them: exact when the caller's organisation owns every
 * training counted; otherwise counts of people go through the kit's disclosure control, groups and
 * total in one table where the groups add up to the total, and means of fewer than 5 people are
 * withheld.
 */
export class AggregateService {
  constructor(
    private readonly repositories: Repositories,
    private readonly viewer: Viewer,
  ) {}

  async peopleTrained(filterInput: TrainingFilterInput | null | undefined, groupBy: PeopleTrainedGrouping | null | undefined) {
    const partner = requirePartner(this.viewer);
    const filter = trainingFilter(filterInput);
    const { groups: groupRows, total: totalRows } = await this.repositories.aggregates.peopleTrained(
      filter,
      groupBy ?? null,
      partner.organisationId,
    );
    const total = totalRows[0] ?? { key: 'all', women: 0, men: 0, notBrokenDown: 0, trainings: 0, own: true };
    const exact = total.own;
    const rows = groupBy === 'STAKEHOLDER_GROUP' ? [...groupRows].sort((a, b) => ORDER_OF_GROUP(a.key) - ORDER_OF_GROUP(b.key)) : groupRows;
    let groups: DisclosedHeadcount[];
    let overall: DisclosedHeadcount;
    if (groupBy === 'PROVISION') {
      // A training counts under every provision it covered: no group adds up with another, each is its own line.
      groups = rows.map((row) => discloseHeadcount(row, exact));
      overall = discloseHeadcount(total, exact);
    } else if (groupBy) {
      ({ groups, total: overall } = discloseHeadcounts(rows, exact));
    } else {
      groups = [];
      overall = discloseHeadcount(total, exact);
    }
    return {
      exact,
      groupBy: groupBy ?? null,
      trainings: total.trainings,
      total: overall,
      groups: rows.map((row, i): PeopleTrainedGroup => ({
        key: row.key,
        grouping: groupBy!,
        trainings: row.trainings,
        people: groups[i]!,
      })),
    };
  }

  async knowledgeGain(filterInput: TrainingFilterInput | null | undefined, groupBy: KnowledgeGainGrouping | null | undefined) {
    const partner = requirePartner(this.viewer);
    const grouping = groupBy ?? 'STAKEHOLDER_GROUP';
    const rows = await this.repositories.aggregates.knowledgeGain(trainingFilter(filterInput), grouping, partner.organisationId);
    const overall: KnowledgeRow = rows.find((r) => r.key === null) ?? {
      key: null,
      trainings: 0,
      assessed: 0,
      preSum: 0,
      postSum: 0,
      own: true,
    };
    let groups = rows.filter((r) => r.key !== null);
    if (grouping === 'STAKEHOLDER_GROUP') groups = groups.sort((a, b) => ORDER_OF_GROUP(a.key!) - ORDER_OF_GROUP(b.key!));
    const exact = overall.own;
    // Groups partition the people assessed: one line, protected with its total.
    const assessed = discloseCountsAcross(
      groups.map((g) => g.assessed),
      exact,
    );
    const figures = (row: KnowledgeRow, count: DisclosedCount): KnowledgeGainFigures => {
      const withheld = !exact && (count.suppressed || row.assessed < DEFAULT_THRESHOLD);
      const pre = row.assessed ? row.preSum / row.assessed : null;
      const post = row.assessed ? row.postSum / row.assessed : null;
      return {
        trainingsMeasured: row.trainings,
        assessed: count,
        meanPreScorePercent: withheld || pre === null ? null : round(pre),
        meanPostScorePercent: withheld || post === null ? null : round(post),
        meanGainPoints: withheld || pre === null || post === null ? null : round(post - pre),
        withheld,
      };
    };
    return {
      exact,
      groupBy: grouping,
      groups: groups.map((row, i) => ({ key: row.key!, grouping, figures: figures(row, assessed.groups[i]!) })),
      overall: figures(overall, groups.length ? assessed.total : discloseCount(overall.assessed, exact)),
    };
  }

  async coverage(filterInput: CoverageFilterInput | null | undefined, level: CoverageLevel | null | undefined) {
    const partner = requirePartner(this.viewer);
    const grouping = level ?? 'REGION';
    const rows = await this.repositories.aggregates.coverage(coverageFilter(filterInput), grouping, partner.organisationId);
    const total = rows.find((r) => r.key === '*')!;
    const areas = rows.filter((r) => r.key !== '*');
    const exact = total.own;
    // Areas of one level partition what the filter selects: their people trained add up to the total.
    const people = discloseCountsAcross(
      areas.map((a) => a.people),
      exact,
    );
    return {
      exact,
      level: grouping,
      areas: areas.map((area, i) => ({ pcode: area.key, figures: areaFigures(area, people.groups[i]!, exact) })),
      total: areaFigures(total, areas.length ? people.total : discloseCount(total.people, exact), exact),
    };
  }
}

export function areaFigures(row: CoverageRow, peopleTrained: DisclosedCount, exact: boolean): AreaFigures {
  return {
    miningSites: row.sites,
    sitesWithTraining: row.sitesWithTraining,
    trainings: row.trainings,
    peopleTrained,
    consultations: row.consultations,
    mediaInterventions: row.media,
    estimatedMediaAudience: row.audience,
    exact,
  };
}

/** An area's figures on their own (the directory's AdminArea.miningReach). */
export function areaReach(row: CoverageRow): AreaFigures {
  return areaFigures(row, discloseCount(row.people, row.own), row.own);
}
