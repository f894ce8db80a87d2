import { EntitySchema } from 'typeorm';

/**
 * People counted by sex and age group (children under 15, youth 15 to 24, adults 25 and over), the
 * grid partners report attendance in. Stored as six integer columns under a prefix (`attended_…`,
 * `enrolled_…`) so that SQL sums them directly.
 */
export const HEADCOUNT_CELLS = ['femaleChildren', 'femaleYouth', 'femaleAdults', 'maleChildren', 'maleYouth', 'maleAdults'] as const;
export type HeadcountCell = (typeof HEADCOUNT_CELLS)[number];
export type Headcount = Record<HeadcountCell, number>;

export const SEXES = ['FEMALE', 'MALE'] as const;
export type Sex = (typeof SEXES)[number];
export const AGE_GROUPS = ['CHILDREN', 'YOUTH', 'ADULTS'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** The cell of each sex and age group, in the order of SEXES × AGE_GROUPS. */
export const CELL_OF: Record<Sex, Record<AgeGroup, HeadcountCell>> = {
  FEMALE: { CHILDREN: 'femaleChildren', YOUTH: 'femaleYouth', ADULTS: 'femaleAdults' },
  MALE: { CHILDREN: 'maleChildren', YOUTH: 'maleYouth', ADULTS: 'maleAdults' },
};

export const HeadcountColumns = new EntitySchema<Headcount>({
  name: 'Headcount',
  columns: Object.fromEntries(HEADCOUNT_CELLS.map((cell) => [cell, { type: 'integer', default: 0 }])) as never,
});

/** Who a cohort or session is for. Audiences overlap: a religious leader is also a man. */
export const AUDIENCES = ['MEN', 'WOMEN', 'ADOLESCENTS_AND_CHILDREN', 'CMC_MEMBERS', 'RELIGIOUS_LEADERS'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const AUDIENCE_FIELDS = ['men', 'women', 'adolescentsAndChildren', 'cmcMembers', 'religiousLeaders'] as const;
export type AudienceField = (typeof AUDIENCE_FIELDS)[number];
export type AudienceCounts = Record<AudienceField, number>;

export const AUDIENCE_FIELD: Record<Audience, AudienceField> = {
  MEN: 'men',
  WOMEN: 'women',
  ADOLESCENTS_AND_CHILDREN: 'adolescentsAndChildren',
  CMC_MEMBERS: 'cmcMembers',
  RELIGIOUS_LEADERS: 'religiousLeaders',
};

export const AudienceColumns = new EntitySchema<AudienceCounts>({
  name: 'AudienceCounts',
  columns: Object.fromEntries(AUDIENCE_FIELDS.map((field) => [field, { type: 'integer', default: 0 }])) as never,
});

export function emptyHeadcount(): Headcount {
  return { femaleChildren: 0, femaleYouth: 0, femaleAdults: 0, maleChildren: 0, maleYouth: 0, maleAdults: 0 };
}

export function emptyAudienceCounts(): AudienceCounts {
  return { men: 0, women: 0, adolescentsAndChildren: 0, cmcMembers: 0, religiousLeaders: 0 };
}

export function headcountTotal(headcount: Headcount): number {
  return HEADCOUNT_CELLS.reduce((sum, cell) => sum + headcount[cell], 0);
}
