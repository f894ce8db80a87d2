import { badInput } from '@peacegraph/kit/errors';
import { notInFuture, notNull, optionalText, wholeNumber, given, Problems } from '@peacegraph/kit/input';
import { DISPLACEMENT_AGE_GROUPS, DISPLACEMENT_REASONS, DISPLACEMENT_SEXES } from '../common/displacement-values';
import type { DisplacementReport } from './displacement-report.entity';
import type { UpdateDisplacementReportInput } from '../generated/resolvers';

/** Larger than any admin area's displaced population; catches a figure typed with extra zeros. */
export const MOST_PEOPLE = 10_000_000;

/** The figures of a report, as stored. */
export type ReportFigures = Pick<
  DisplacementReport,
  'idpIndividuals' | 'idpHouseholds' | 'returneeIndividuals' | 'returneeHouseholds' | 'idpsBySexAndAge' | 'reasons' | 'origins'
>;

/** Which figures the caller sent: a mismatch is blamed on what they sent, not on what was stored. */
export type Sent = Partial<Record<keyof ReportFigures, boolean>>;

const count = (field: string, value: number, label: string) => wholeNumber(field, value, label, { max: MOST_PEOPLE });
const sum = (values: { individuals: number }[]) => values.reduce((total, v) => total + v.individuals, 0);

/**
 * A report's figures must hold together: counts are whole and not negative, households are no more
 * than individuals, IDPs by sex and age and by reason add up to the IDPs (when given), people by area
 * of origin are no more than the IDPs (some origins go unrecorded). Pure: checked before anything is
 * asked of the directory or written.
 */
export function checkReportFigures(figures: ReportFigures, sent: Sent): ReportFigures {
  count('input.idpIndividuals', figures.idpIndividuals, 'The number of IDPs');
  count('input.idpHouseholds', figures.idpHouseholds, 'The number of IDP households');
  if (figures.idpHouseholds > figures.idpIndividuals) {
    throw badInput(
      'input.idpHouseholds',
      `${figures.idpHouseholds} IDP households is more than the ${figures.idpIndividuals} IDPs counted`,
    );
  }
  if (figures.returneeIndividuals !== null) count('input.returneeIndividuals', figures.returneeIndividuals, 'The number of returnees');
  if (figures.returneeHouseholds !== null) {
    count('input.returneeHouseholds', figures.returneeHouseholds, 'The number of returnee households');
    if (figures.returneeIndividuals === null)
      throw badInput('input.returneeHouseholds', 'Give the number of returnees with their households');
    if (figures.returneeHouseholds > figures.returneeIndividuals) {
      throw badInput(
        'input.returneeHouseholds',
        `${figures.returneeHouseholds} returnee households is more than the ${figures.returneeIndividuals} returnees counted`,
      );
    }
  }
  const blame = (field: 'idpsBySexAndAge' | 'reasons' | 'origins') =>
    sent[field] || !sent.idpIndividuals ? `input.${field}` : 'input.idpIndividuals';

  const seenGroups = new Set<string>();
  figures.idpsBySexAndAge.forEach((group, i) => {
    if (!DISPLACEMENT_SEXES.includes(group.sex)) throw badInput(`input.idpsBySexAndAge.${i}.sex`, `Unknown sex ${group.sex}`);
    if (!DISPLACEMENT_AGE_GROUPS.includes(group.ageGroup))
      throw badInput(`input.idpsBySexAndAge.${i}.ageGroup`, `Unknown age group ${group.ageGroup}`);
    count(`input.idpsBySexAndAge.${i}.individuals`, group.individuals, 'The number of people');
    const key = `${group.sex} ${group.ageGroup}`;
    if (seenGroups.has(key)) throw badInput(`input.idpsBySexAndAge.${i}`, `${group.sex} of ${group.ageGroup} is listed twice`);
    seenGroups.add(key);
  });
  if (figures.idpsBySexAndAge.length && sum(figures.idpsBySexAndAge) !== figures.idpIndividuals) {
    throw badInput(
      blame('idpsBySexAndAge'),
      `IDPs by sex and age add up to ${sum(figures.idpsBySexAndAge)}, not to the ${figures.idpIndividuals} IDPs counted`,
    );
  }

  const seenReasons = new Set<string>();
  figures.reasons.forEach((reason, i) => {
    if (!DISPLACEMENT_REASONS.includes(reason.reason)) throw badInput(`input.reasons.${i}.reason`, `Unknown reason ${reason.reason}`);
    count(`input.reasons.${i}.individuals`, reason.individuals, 'The number of people');
    if (seenReasons.has(reason.reason)) throw badInput(`input.reasons.${i}`, `${reason.reason} is listed twice`);
    seenReasons.add(reason.reason);
  });
  if (figures.reasons.length && sum(figures.reasons) !== figures.idpIndividuals) {
    throw badInput(blame('reasons'), `IDPs by reason add up to ${sum(figures.reasons)}, not to the ${figures.idpIndividuals} IDPs counted`);
  }

  const seenOrigins = new Set<string>();
  figures.origins.forEach((origin, i) => {
    count(`input.origins.${i}.individuals`, origin.individuals, 'The number of people');
    if (seenOrigins.has(origin.pcode)) throw badInput(`input.origins.${i}`, `${origin.pcode} is listed twice`);
    seenOrigins.add(origin.pcode);
  });
  if (sum(figures.origins) > figures.idpIndividuals) {
    throw badInput(
      blame('origins'),
      `IDPs by area of origin add up to ${sum(figures.origins)}, more than the ${figures.idpIndividuals} IDPs counted`,
    );
  }
  return figures;
}

/** The round number: a whole number from 1. */
export function reportRound(roundNumber: number): number {
  return wholeNumber('input.roundNumber', roundNumber, 'The round number', { min: 1, max: 10_000 });
}

/** A report is for an admin-2 area or a region, not below. */
export function reportArea(pcode: string, area: { adminLevel: number }): void {
  if (area.adminLevel > 2)
    throw badInput('input.adminArea', `${pcode} is an admin level ${area.adminLevel} area: report for its admin-2 area or region`);
}

/** A report's values, recorded or updated (fields left out keep theirs), every problem at once. */
export function reportValues(input: UpdateDisplacementReportInput, current: DisplacementReport | null) {
  const problems = new Problems();
  problems.check('input.dataDate', () => notNull('input.dataDate', input.dataDate, 'The date of the data'));
  problems.check('input.idpIndividuals', () => notNull('input.idpIndividuals', input.idpIndividuals, 'The number of IDPs'));
  problems.check('input.idpHouseholds', () => notNull('input.idpHouseholds', input.idpHouseholds, 'The number of IDP households'));
  problems.throwIfAny();
  // Left out: as stored. Null: cleared (returnees only; the required figures refused null above).
  const pick = <T>(given: T | null | undefined, stored: T | null): T | null => (given === undefined ? stored : given);
  const sent: Sent = Object.fromEntries(Object.keys(input).map((k) => [k, true]));
  const figures = problems.check('input', () =>
    checkReportFigures(
      {
        idpIndividuals: pick(input.idpIndividuals, current?.idpIndividuals ?? null)!,
        idpHouseholds: pick(input.idpHouseholds, current?.idpHouseholds ?? null)!,
        returneeIndividuals: pick(input.returneeIndividuals, current?.returneeIndividuals ?? null),
        returneeHouseholds: pick(input.returneeHouseholds, current?.returneeHouseholds ?? null),
        idpsBySexAndAge: pick(input.idpsBySexAndAge, current?.idpsBySexAndAge ?? null) ?? [],
        reasons: pick(input.reasons, current?.reasons ?? null) ?? [],
        origins:
          input.origins === undefined
            ? (current?.origins ?? [])
            : (input.origins ?? []).map((o) => ({ pcode: o.adminArea, individuals: o.individuals })),
      },
      sent,
    ),
  );
  const roundName = problems.check('input.roundName', () =>
    input.roundName === undefined ? (current?.roundName ?? null) : optionalText('input.roundName', input.roundName, 'The round name', 100),
  );
  const dataDate = problems.check('input.dataDate', () =>
    given(input.dataDate) ? notInFuture('input.dataDate', input.dataDate, 'The date of the data') : current!.dataDate,
  );
  const checked = problems.done({ figures, roundName, dataDate });
  return {
    ...checked.figures,
    idpsBySexAndAge: checked.figures.idpsBySexAndAge.map(({ sex, ageGroup, individuals }) => ({ sex, ageGroup, individuals })),
    reasons: checked.figures.reasons.map(({ reason, individuals }) => ({ reason, individuals })),
    roundName: checked.roundName,
    dataDate: checked.dataDate,
  };
}
