import { organisationOf, type Viewer } from '@peacegraph/kit/auth';
import { badInput } from '@peacegraph/kit/errors';
import { daysBetween, period, type DateInput } from '@peacegraph/kit/input';
import { viewerOrganisation } from '../loaders';
import type { Repositories } from '../repositories';
import type { AwarenessSessionFilter } from '../awareness/awareness.repository';
import type { DisplacementInterval, ReintegrationBreakdown, ReintegrationLevel, StockRow } from './statistics.repository';
import type { ReintegrationStatsFilter } from '../generated/resolvers';
import { IDMC_SOURCE, PLATFORM_COUNTRIES } from '../reference/idmc-figures';
import { discloseOptional, discloseSexAndAge } from '../common/disclosure';

/** Most periods one idpsOverTime answers: twenty years of months. */
export const MOST_PERIODS = 240;
const PLATFORM_COUNTRY_CODES = Object.values(PLATFORM_COUNTRIES);

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

/** The subgraph's aggregates: stocks of IDPs over time, national figures, caseloads, participants. */
export class DisplacementFiguresService {
  constructor(
    private readonly viewer: Viewer,
    private readonly repositories: Repositories,
  ) {}

  async idmcFigures(country: string, fromYear: number | null | undefined, toYear: number | null | undefined) {
    if (!PLATFORM_COUNTRY_CODES.includes(country))
      throw badInput('country', `${country} is not a country of the platform (${PLATFORM_COUNTRY_CODES.join(', ')})`);
    if (fromYear != null && toYear != null && toYear < fromYear)
      throw badInput('toYear', `The years end (${toYear}) before they start (${fromYear})`);
    const rows = await this.repositories.displacementReports.idmcFigures(country, fromYear ?? null, toYear ?? null);
    return rows.map((row) => ({ ...row, country: row.countryCode, source: IDMC_SOURCE }));
  }

  /** Per period, the sum over the areas under the asked one of each area's latest report in the period. */
  async idpsOverTime(args: IdpsOverTimeArgs) {
    if (Boolean(args.area) === Boolean(args.country)) throw badInput('area', 'Give an admin area or a country, one of the two');
    if (args.country && !PLATFORM_COUNTRY_CODES.includes(args.country))
      throw badInput('country', `${args.country} is not a country of the platform`);
    const { from, to } = period('from', args.from, 'to', args.to) as { from: string; to: string };
    const months = Math.ceil(daysBetween(from, to) / 30.44);
    const periods = { MONTH: months, QUARTER: months / 3, YEAR: months / 12 }[args.interval];
    if (periods > MOST_PERIODS)
      throw badInput('to', `That is more than ${MOST_PERIODS} periods: choose a longer interval or a shorter span`);
    const rows = await this.repositories.displacementAggregates.idpsOverTime(
      args.area ?? args.country!,
      args.interval,
      from,
      to,
      viewerOrganisation(this.viewer),
    );
    return rows.map((row) => ({
      periodStart: row.periodStart,
      periodEnd: row.periodEnd,
      ...stockFigures(row, row.own && organisationOf(this.viewer) !== null),
    }));
  }

  /**
   * Cases of the filter's area (a country, region or admin-2 area, or all), by the areas at a level.
   * A level coarser than the area asked for gives one line, the area's own figures under its
   * country's or region's code, as grouping the selected cases would.
   */
  async reintegrationStats(
    filter: ReintegrationStatsFilter | null | undefined,
    level: ReintegrationLevel,
    breakdown: ReintegrationBreakdown,
  ) {
    const registered = period('filter.registeredFrom', filter?.registeredFrom, 'filter.registeredTo', filter?.registeredTo);
    const caseload = await this.repositories.reintegrationCaseloads.of(
      { programme: filter?.programme, organisation: filter?.organisation, registeredFrom: registered.from, registeredTo: registered.to },
      viewerOrganisation(this.viewer),
    );
    const prefix = selectedArea(filter);
    // Exact only when the caller's organisation owns every case counted.
    const exact = organisationOf(this.viewer) !== null && caseload.ownsAll(prefix);
    const figures = (code: string) => (exact ? caseload.exact(code, breakdown) : caseload.disclosed(code, breakdown));
    return {
      exact,
      level,
      breakdown,
      areas: caseload.codesAt(LEVEL_DEPTH[level], prefix).map((code) => ({
        code,
        adminArea: level === 'COUNTRY' ? null : code,
        // Above the area asked for, the line is that area's cases (grouped under its country or region).
        ...figures(code.length >= prefix.length ? code : prefix),
      })),
      total: { code: '*', adminArea: null, ...figures(prefix) },
    };
  }

  async awarenessParticipants(filter: AwarenessSessionFilter) {
    const { sessions, own, groups } = await this.repositories.displacementAggregates.awarenessParticipants(
      filter,
      viewerOrganisation(this.viewer),
    );
    const exact = own && organisationOf(this.viewer) !== null;
    const table = discloseSexAndAge(
      groups.map((g) => ({ sex: g.sex, ageGroup: g.ageGroup, count: g.people })),
      exact,
    );
    return { sessions, exact, ...table };
  }
}

/** A prefix of no P-code: no area, no case. */
const NO_AREA = '\u0000';
const LEVEL_DEPTH: Record<ReintegrationLevel, 1 | 2 | 3> = { COUNTRY: 1, ADMIN1: 2, ADMIN2: 3 };

/** The area the filter selects as a P-code prefix: '' for all, NO_AREA when its country and area exclude each other. */
function selectedArea(filter: ReintegrationStatsFilter | null | undefined): string {
  const { country, adminArea } = filter ?? {};
  if (country && adminArea && !adminArea.startsWith(country)) return NO_AREA;
  return adminArea ?? country ?? '';
}
