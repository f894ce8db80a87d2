import { badInput } from '@peacegraph/kit/errors';
import { type ParticipantGroup } from './participants';
import { STAKEHOLDER_GROUPS, type StakeholderGroup } from './values';

export interface ParticipantsInput {
  byGroup?: readonly { stakeholderGroup: StakeholderGroup; women: number; men: number }[] | null;
  total?: number | null;
}

/** Participants as stored: groups in the order of STAKEHOLDER_GROUPS (none when only a total was given) and the total. */
export interface Participants {
  groups: ParticipantGroup[];
  total: number;
}

export interface KnowledgeAssessmentInput {
  scaleMin: number;
  scaleMax: number;
  byGroup: readonly { stakeholderGroup: StakeholderGroup; assessed: number; meanPreScore: number; meanPostScore: number }[];
}

export interface GroupScore {
  assessed: number;
  meanPreScore: number;
  meanPostScore: number;
}

export interface KnowledgeScores {
  scaleMin: number;
  scaleMax: number;
  groups: Map<StakeholderGroup, GroupScore>;
}

/** Most people one record counts (a group's women or men, or the total). */
export const MAX_PEOPLE = 10_000;

const GROUP_WORDS: Record<StakeholderGroup, string> = {
  CIVIL_SOCIETY: 'civil society organisations',
  COMMUNITY_LEADERS: 'community leaders',
  RELIGIOUS_LEADERS: 'religious leaders',
  WOMEN: "women's associations",
  YOUTH: 'youth associations',
  GOVERNMENT_EXPERTS: 'government experts',
  MEDIA: 'media',
  COMMUNITY_MEMBERS: 'community members',
};

export function groupWords(group: StakeholderGroup): string {
  return GROUP_WORDS[group];
}

function count(field: string, value: number, what: string): number {
  if (!Number.isInteger(value)) throw badInput(field, `The number of ${what} must be a whole number`);
  if (value < 0) throw badInput(field, `The number of ${what} cannot be negative (got ${value})`);
  if (value > MAX_PEOPLE) throw badInput(field, `The number of ${what} cannot be more than ${MAX_PEOPLE} (got ${value})`);
  return value;
}

/**
 * Who took part, as counts: by stakeholder group and sex (each person once, in one group), or a total,
 * or both, in which case the groups must add up to the total. Never names.
 */
export function readParticipants(field: string, input: ParticipantsInput): Participants {
  const byGroup = input.byGroup ?? [];
  const seen = new Set<StakeholderGroup>();
  const groups = byGroup.map((group, i) => {
    const at = `${field}.byGroup.${i}`;
    if (seen.has(group.stakeholderGroup))
      throw badInput(`${at}.stakeholderGroup`, `${GROUP_WORDS[group.stakeholderGroup]} are listed twice`);
    seen.add(group.stakeholderGroup);
    const women = count(`${at}.women`, group.women, `women among ${GROUP_WORDS[group.stakeholderGroup]}`);
    const men = count(`${at}.men`, group.men, `men among ${GROUP_WORDS[group.stakeholderGroup]}`);
    if (group.stakeholderGroup === 'WOMEN' && men > 0) {
      throw badInput(`${at}.men`, `Representatives of women's associations are women: count men in the group they came for`);
    }
    if (women + men === 0) throw badInput(at, `Nobody is counted for ${GROUP_WORDS[group.stakeholderGroup]}: leave the group out`);
    return { stakeholderGroup: group.stakeholderGroup, women, men };
  });
  const sum = groups.reduce((s, g) => s + g.women + g.men, 0);
  if (input.total === null || input.total === undefined) {
    if (groups.length === 0) throw badInput(field, 'Count the participants: by stakeholder group and sex, or in total');
    return { groups: ordered(groups), total: sum };
  }
  const total = count(`${field}.total`, input.total, 'participants');
  if (total === 0) throw badInput(`${field}.total`, 'Count at least one participant');
  if (groups.length > 0 && sum !== total) {
    throw badInput(`${field}.total`, `The groups add up to ${sum} participants, not ${total}`, { sumOfGroups: sum });
  }
  return { groups: ordered(groups), total };
}

function ordered<G extends { stakeholderGroup: StakeholderGroup }>(groups: G[]): G[] {
  return [...groups].sort((a, b) => STAKEHOLDER_GROUPS.indexOf(a.stakeholderGroup) - STAKEHOLDER_GROUPS.indexOf(b.stakeholderGroup));
}

function score(field: string, value: number, min: number, max: number, what: string): number {
  if (!Number.isFinite(value)) throw badInput(field, `${what} must be a number`);
  if (value < min || value > max) throw badInput(field, `${what} ${value} is outside the scale of the test (${min} to ${max})`);
  return value;
}

/**
 * Knowledge scores before and after, per stakeholder group, on the scale the trainers declared. Only
 * groups the participants were broken down into can be assessed, and no more of them than took part.
 */
export function readKnowledgeAssessment(field: string, input: KnowledgeAssessmentInput, participants: Participants): KnowledgeScores {
  const { scaleMin, scaleMax } = input;
  if (!Number.isFinite(scaleMin)) throw badInput(`${field}.scaleMin`, 'The lowest score must be a number');
  if (!Number.isFinite(scaleMax) || scaleMax <= scaleMin) {
    throw badInput(`${field}.scaleMax`, `The highest score (${scaleMax}) must be above the lowest (${scaleMin})`);
  }
  if (input.byGroup.length === 0) throw badInput(`${field}.byGroup`, 'Give the scores of at least one stakeholder group');
  if (participants.groups.length === 0) {
    throw badInput(`${field}.byGroup`, 'Scores are kept per stakeholder group: count the participants by group first');
  }
  const groups = new Map<StakeholderGroup, GroupScore>();
  input.byGroup.forEach((group, i) => {
    const at = `${field}.byGroup.${i}`;
    const words = GROUP_WORDS[group.stakeholderGroup];
    if (groups.has(group.stakeholderGroup)) throw badInput(`${at}.stakeholderGroup`, `${words} are listed twice`);
    const took = participants.groups.find((g) => g.stakeholderGroup === group.stakeholderGroup);
    if (!took) throw badInput(`${at}.stakeholderGroup`, `No ${words} are counted among the participants`);
    const present = took.women + took.men;
    if (!Number.isInteger(group.assessed) || group.assessed < 1)
      throw badInput(`${at}.assessed`, `Assess at least one of the ${words} (got ${group.assessed})`);
    if (group.assessed > present) throw badInput(`${at}.assessed`, `${group.assessed} ${words} assessed, but ${present} took part`);
    groups.set(group.stakeholderGroup, {
      assessed: group.assessed,
      meanPreScore: score(`${at}.meanPreScore`, group.meanPreScore, scaleMin, scaleMax, 'The mean score before'),
      meanPostScore: score(`${at}.meanPostScore`, group.meanPostScore, scaleMin, scaleMax, 'The mean score after'),
    });
  });
  return { scaleMin, scaleMax, groups };
}
