import { badInput } from '@peacegraph/kit/errors';
import {
  AUDIENCE_FIELD,
  HEADCOUNT_CELLS,
  emptyAudienceCounts,
  emptyHeadcount,
  headcountTotal,
  type Audience,
  type AudienceCounts,
  type Headcount,
  type HeadcountCell,
} from './headcount';

export type HeadcountInput = Partial<Record<HeadcountCell, number | null>>;
export interface AudienceCountInput {
  audience: Audience;
  count: number;
}

const CELL_WORDS: Record<HeadcountCell, string> = {
  femaleChildren: 'girls under 15',
  femaleYouth: 'young women (15 to 24)',
  femaleAdults: 'women (25 and over)',
  maleChildren: 'boys under 15',
  maleYouth: 'young men (15 to 24)',
  maleAdults: 'men (25 and over)',
};

const AUDIENCE_WORDS: Record<Audience, string> = {
  MEN: 'men',
  WOMEN: 'women',
  ADOLESCENTS_AND_CHILDREN: 'adolescents and children',
  CMC_MEMBERS: 'CMC members',
  RELIGIOUS_LEADERS: 'religious leaders',
};

export const MAX_CELL = 10_000;

/** Counts by sex and age group: whole numbers from 0, missing cells 0, at least one person. */
export function readHeadcount(field: string, input: HeadcountInput, what: string): Headcount {
  const headcount = emptyHeadcount();
  for (const cell of HEADCOUNT_CELLS) {
    const value = input[cell] ?? 0;
    if (!Number.isInteger(value)) throw badInput(`${field}.${cell}`, `The number of ${CELL_WORDS[cell]} must be a whole number`);
    if (value < 0) throw badInput(`${field}.${cell}`, `The number of ${CELL_WORDS[cell]} cannot be negative (got ${value})`);
    if (value > MAX_CELL)
      throw badInput(`${field}.${cell}`, `The number of ${CELL_WORDS[cell]} cannot be more than ${MAX_CELL} (got ${value})`);
    headcount[cell] = value;
  }
  if (headcountTotal(headcount) === 0) throw badInput(field, `${what} must count at least one person`);
  return headcount;
}

/** Attendance cannot exceed enrolment, cell by cell: 12 women cannot attend a class of 10. */
export function withinEnrolment(field: string, attendance: Headcount, enrolment: Headcount): void {
  for (const cell of HEADCOUNT_CELLS) {
    if (attendance[cell] > enrolment[cell]) {
      throw badInput(`${field}.${cell}`, `${attendance[cell]} ${CELL_WORDS[cell]} attended, but the cohort enrolled ${enrolment[cell]}`);
    }
  }
}

/**
 * Counts by audience, for the cohort's audiences only. Audiences overlap, so each is at most the
 * `ceiling` (the people counted in the headcount beside it) and, where the cohort's enrolment by
 * audience was given (not 0), at most that.
 */
export function readAudienceCounts(
  field: string,
  input: readonly AudienceCountInput[] | null | undefined,
  audiences: readonly Audience[],
  ceiling: number,
  enrolled?: AudienceCounts,
): AudienceCounts {
  const counts = emptyAudienceCounts();
  const seen = new Set<Audience>();
  (input ?? []).forEach(({ audience, count }, i) => {
    if (!audiences.includes(audience)) {
      throw badInput(
        `${field}.${i}.audience`,
        `The cohort is not for ${AUDIENCE_WORDS[audience]} (its audiences: ${audiences.map((a) => AUDIENCE_WORDS[a]).join(', ')})`,
      );
    }
    if (seen.has(audience)) throw badInput(`${field}.${i}.audience`, `${AUDIENCE_WORDS[audience]} are listed twice`);
    seen.add(audience);
    if (!Number.isInteger(count) || count < 0)
      throw badInput(`${field}.${i}.count`, `The number of ${AUDIENCE_WORDS[audience]} cannot be negative (got ${count})`);
    if (count > ceiling)
      throw badInput(`${field}.${i}.count`, `${count} ${AUDIENCE_WORDS[audience]} is more than the ${ceiling} people counted in all`);
    const cap = enrolled?.[AUDIENCE_FIELD[audience]] ?? 0;
    if (enrolled && cap > 0 && count > cap) {
      throw badInput(`${field}.${i}.count`, `${count} ${AUDIENCE_WORDS[audience]} attended, but the cohort enrolled ${cap}`);
    }
    counts[AUDIENCE_FIELD[audience]] = count;
  });
  return counts;
}

/** Keeps only the counts of the given audiences (the others are zeroed). */
export function onlyAudiences(counts: AudienceCounts, audiences: readonly Audience[]): AudienceCounts {
  const kept = emptyAudienceCounts();
  for (const audience of audiences) kept[AUDIENCE_FIELD[audience]] = counts[AUDIENCE_FIELD[audience]];
  return kept;
}
