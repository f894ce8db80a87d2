import { badInput } from '@peacegraph/kit/errors';
import { optionalName } from '@peacegraph/kit/input';
import {
  CONFLICT_LEVELS,
  CONFLICT_TYPES,
  PARTY_AGE_GROUPS,
  PARTY_KINDS,
  PARTY_SEXES,
  type ConflictLevel,
  type ConflictType,
  type PartyAgeGroup,
  type PartyKind,
  type PartySex,
} from '../common/values';
import type { PartyInput } from '../generated/resolvers';

export const MIN_PARTIES = 2;
export const MAX_PARTIES = 20;
export const MAX_OTHER_COMMUNITIES = 10;
export const MAX_NARRATIVE = 4000;
export const MAX_NAME = 200;

export interface PartyFields {
  label: string;
  position: number;
  kind: PartyKind;
  sex: PartySex;
  ageGroup: PartyAgeGroup;
  name: string | null;
}

/** Party A … Party T: labels carry no meaning, so they cannot give anyone away. */
export function partyLabel(position: number): string {
  return `Party ${String.fromCharCode(65 + position)}`;
}

/**
 * Parties as the case records them: at least two; a person has a sex and an age group, an institution
 * has neither, a family or group may be mixed.
 */
export function cleanParties(field: string, parties: readonly PartyInput[]): PartyFields[] {
  if (parties.length < MIN_PARTIES) throw badInput(field, `A conflict has at least ${MIN_PARTIES} parties; ${parties.length} given`);
  if (parties.length > MAX_PARTIES) throw badInput(field, `At most ${MAX_PARTIES} parties; group the others`);
  return parties.map((party, position) => {
    const at = `${field}.${position}`;
    if (!PARTY_KINDS.includes(party.kind)) throw badInput(`${at}.kind`, `Unknown kind ${party.kind}`);
    if (!PARTY_SEXES.includes(party.sex)) throw badInput(`${at}.sex`, `Unknown sex ${party.sex}`);
    if (!PARTY_AGE_GROUPS.includes(party.ageGroup)) throw badInput(`${at}.ageGroup`, `Unknown age group ${party.ageGroup}`);
    const institution = party.kind === 'INSTITUTION';
    if (institution !== (party.sex === 'NOT_APPLICABLE')) {
      throw badInput(`${at}.sex`, institution ? 'An institution has no sex: use NOT_APPLICABLE' : 'NOT_APPLICABLE is for institutions');
    }
    if (institution !== (party.ageGroup === 'NOT_APPLICABLE')) {
      throw badInput(
        `${at}.ageGroup`,
        institution ? 'An institution has no age group: use NOT_APPLICABLE' : 'NOT_APPLICABLE is for institutions',
      );
    }
    if (party.kind === 'INDIVIDUAL' && party.sex === 'MIXED')
      throw badInput(`${at}.sex`, 'A person is FEMALE or MALE; MIXED is for families and groups');
    if (party.kind === 'INDIVIDUAL' && party.ageGroup === 'MIXED') throw badInput(`${at}.ageGroup`, 'MIXED is for families and groups');
    return {
      label: partyLabel(position),
      position,
      kind: party.kind,
      sex: party.sex,
      ageGroup: party.ageGroup,
      name: optionalName(`${at}.name`, party.name, "The party's name", MAX_NAME),
    };
  });
}

export function checkType(field: string, type: ConflictType): void {
  if (!CONFLICT_TYPES.includes(type)) throw badInput(field, `Unknown conflict type ${type}`);
}

/**
 * Intercommunity cases name the other communities involved (not the case's own, none twice); family
 * and community cases name none. Returns the distinct ids to look up in the directory.
 */
export function checkOtherCommunities(
  levelField: string,
  field: string,
  level: ConflictLevel,
  others: readonly string[],
  ownCommunity: string,
): string[] {
  if (!CONFLICT_LEVELS.includes(level)) throw badInput(levelField, `Unknown level ${level}`);
  if (level !== 'INTERCOMMUNITY') {
    if (others.length > 0) throw badInput(field, `Only INTERCOMMUNITY cases name other communities; this case is ${level}`);
    return [];
  }
  if (others.length === 0) throw badInput(field, 'An intercommunity case names the other communities involved');
  if (others.length > MAX_OTHER_COMMUNITIES) throw badInput(field, `At most ${MAX_OTHER_COMMUNITIES} other communities`);
  others.forEach((id, i) => {
    if (id === ownCommunity) throw badInput(`${field}.${i}`, "The case's own community is not one of the others");
    if (others.indexOf(id) !== i) throw badInput(`${field}.${i}`, `Community ${id} is listed twice`);
  });
  return [...others];
}
