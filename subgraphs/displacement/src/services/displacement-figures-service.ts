import { badInput, daysBetween, organisationOf, period, type DateInput, type Viewer } from '@peacegraph/kit';
import {
  DISPLACEMENT_SEXES,
  REINTEGRATION_AGE_GROUPS,
  REINTEGRATION_ASSISTANCE_KINDS,
  REINTEGRATION_CATEGORIES,
  REINTEGRATION_STATUSES,
} from '../entities/displacement';
import { viewerOrganisation } from '../loaders/displacement';
import type { Repositories } from '../repositories';
import type { AwarenessSessionFilter } from '../repositories/awareness-repository';
import type {
  CaseCountRow,
  DisplacementInterval,
  ReintegrationBreakdown,
  ReintegrationLevel,
  ReintegrationStatsFilter,
  StockRow,
} from '../repositories/displacement-aggregates';
import { IDMC_SOURCE, PLATFORM_COUNTRIES } from '../reference/idmc-figures';
import { discloseAreasByKey, discloseLine, discloseOne, discloseOptional, discloseSexAndAge } from './displacement-disclosure';

/** Most periods one idpsOverTime answers: twenty years of months. */
export const MOST_PERIODS = 240;
const PLATFORM_COUNTRY_CODES = Object.values(PLATFORM_COUNTRIES);

export const BREAKDOWN_KEYS: Record<ReintegrationBreakdown, readonly string[]> = {
  CATEGORY: REINTEGRATION_CATEGORIES,
  SEX: DISPLACEMENT_SEXES,
  AGE_GROUP: REINTEGRATION_AGE_GROUPS,
  STATUS: REINTEGRATION_STATUSES,
};

export interface IdpsOverTimeArgs {
  area?: string | null;
  country?: string | null;
  interval: DisplacementInterval;
  from: DateInput;
  to: DateInput;
}

/** Stock figures of an area as the caller may see them. */
export function stockFigures(row: StockRow | Omit<StockRow, 'key'>, exact: boolean) {
  return {
    exact,
    areasReporting: row.areas,
    asOf: row.asOf,
    idpIndividuals: discloseOptional(row.idpIndividuals, exact),
    idpHouseholds: discloseOptional(row.idpHouseholds, exact),
    returneeIndividuals: discloseOptional(row.returneeIndividuals, exact),
    returneeHouseholds: discloseOptional(row.returneeHouseholds, exact),
  };
}

/** One area's cases by the breakdown's values, and cases given each kind of assistance. */
export function areaCaseload(rows: readonly CaseCountRow[], breakdown: ReintegrationBreakdown) {
  const exact = rows.every((r) => r.own);
  const count = (kind: CaseCountRow['kind'], key: string) => rows.find((r) => r.kind === kind && r.key === key)?.cases ?? 0;
  const line = discloseLine(BREAKDOWN_KEYS[breakdown].map((key) => count('cases', key)), exact);
  return {
    exact,
    breakdown,
    cases: line.total,
    byKey: BREAKDOWN_KEYS[breakdown].map((key, i) => ({ key, cases: line.cells[i]! })),
    // Cases given a kind of assistance do not partition the cases (one person, several kinds): each is a line of its own.
    assistance: REINTEGRATION_ASSISTANCE_KINDS.map((kind) => ({ kind, cases: discloseOne(count('assistance', kind), exact) })),
  };
}

/** The subgraph's aggregates: stocks of IDPs over time, national figures, caseloads, participants. */
export class DisplacementFiguresService {
  constructor(
    private readonly viewer: Viewer,
    private readonly repositories: Repositories,
  ) {}

  async idmcFigures(country: string, fromYear: number | null | undefined, toYear: number | null | undefined) {
    if (!PLATFORM_COUNTRY_CODES.includes(country)) throw badInput('country', `${country} is not a country of the platform (${PLATFORM_COUNTRY_CODES.join(', ')})`);
    if (fromYear != null && toYear != null && toYear < fromYear) throw badInput('toYear', `The years end (${toYear}) before they start (${fromYear})`);
    const rows = await this.repositories.displacementReports.idmcFigures(country, fromYear ?? null, toYear ?? null);
    return rows.map((row) => ({ ...row, country: row.countryCode, source: IDMC_SOURCE }));
  }

  /** Per period, the sum over the areas under the asked one of each area's latest report in the period. */
  async idpsOverTime(args: IdpsOverTimeArgs) {
    if (Boolean(args.area) === Boolean(args.country)) throw badInput('area', 'Give an admin area or a country, one of the two');
    if (args.country && !PLATFORM_COUNTRY_CODES.includes(args.country)) throw badInput('country', `${args.country} is not a country of the platform`);
    const { from, to } = period('from', args.from, 'to', args.to) as { from: string; to: string };
    const months = Math.ceil(daysBetween(from, to) / 30.44);
    const periods = { MONTH: months, QUARTER: months / 3, YEAR: months / 12 }[args.interval];
    if (periods > MOST_PERIODS) throw badInput('to', `That is more than ${MOST_PERIODS} periods: choose a longer interval or a shorter span`);
    const rows = await this.repositories.displacementAggregates.idpsOverTime(args.area ?? args.country!, args.interval, from, to, viewerOrganisation(this.viewer));
    return rows.map((row) => ({ periodStart: row.periodStart, periodEnd: row.periodEnd, ...stockFigures(row, row.own && organisationOf(this.viewer) !== null) }));
  }

  async reintegrationStats(filter: ReintegrationStatsInput | null | undefined, level: ReintegrationLevel, breakdown: ReintegrationBreakdown) {
    const registered = period('filter.registeredFrom', filter?.registeredFrom, 'filter.registeredTo', filter?.registeredTo);
    const rows = await this.repositories.displacementAggregates.caseload(
      { ...filter, registeredFrom: registered.from, registeredTo: registered.to },
      level,
      breakdown,
      viewerOrganisation(this.viewer),
    );
    // Exact only when the caller's organisation owns every case counted.
    const exact = organisationOf(this.viewer) !== null && rows.every((r) => r.own);
    const areas = [...new Set(rows.map((r) => r.area))];
    const keys = BREAKDOWN_KEYS[breakdown];
    const count = (kind: CaseCountRow['kind'], area: string, key: string) => rows.find((r) => r.kind === kind && r.area === area && r.key === key)?.cases ?? 0;
    const table = discloseAreasByKey(areas, keys, (area, key) => count('cases', area, key), exact);
    const assistance = REINTEGRATION_ASSISTANCE_KINDS.map((kind) => ({
      kind,
      ...discloseLine(areas.map((area) => count('assistance', area, kind)), exact),
    }));
    const areaOf = (code: string) => (level === 'COUNTRY' ? null : code);
    return {
      exact,
      level,
      breakdown,
      areas: table.areas.map((line, i) => ({
        code: line.area,
        adminArea: areaOf(line.area),
        cases: line.total,
        byKey: line.cells.map((cell) => ({ key: cell.key, cases: cell.count })),
        assistance: assistance.map((kind) => ({ kind: kind.kind, cases: kind.cells[i] ?? discloseOne(0, exact) })),
      })),
      total: {
        code: '*',
        adminArea: null,
        cases: table.total,
        byKey: table.keyTotals.map((cell) => ({ key: cell.key, cases: cell.count })),
        assistance: assistance.map((kind) => ({ kind: kind.kind, cases: kind.total })),
      },
    };
  }

  async awarenessParticipants(filter: AwarenessSessionFilter) {
    const { sessions, own, groups } = await this.repositories.displacementAggregates.awarenessParticipants(filter, viewerOrganisation(this.viewer));
    const exact = own && organisationOf(this.viewer) !== null;
    const table = discloseSexAndAge(
      groups.map((g) => ({ sex: g.sex, ageGroup: g.ageGroup, count: g.people })),
      exact,
    );
    return { sessions, exact, ...table };
  }
}

export interface ReintegrationStatsInput extends Omit<ReintegrationStatsFilter, 'registeredFrom' | 'registeredTo'> {
  registeredFrom?: DateInput | null;
  registeredTo?: DateInput | null;
}
