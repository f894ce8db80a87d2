import { badInput } from '@peacegraph/kit/errors';
import { distinct, optionalText, requiredName, given, Problems, type AreaRef } from '@peacegraph/kit/input';
import type { TranshumanceCorridor } from './corridor.entity';
import { CORRIDOR_FORMALITIES } from '../common/transhumance-values';
import { readOverrides } from '../alert/early-action-settings';
import { type Position } from '../common/geo';
import { answerOf, type Lookup } from '@peacegraph/kit/input';
import { readSeason } from './season';
import { checkPathInCountries, positionsOf, readPath } from './corridor-path';
import type { UpdateTranshumanceCorridorInput } from '../generated/resolvers';

/** Most admin areas one corridor crosses. */
export const MAX_AREAS = 60;

/** What a corridor may not leave null: refused together before anything is asked of the directory. */
export function requiredCorridorFields(input: UpdateTranshumanceCorridorInput): void {
  const problems = new Problems();
  for (const field of ['name', 'formality', 'path', 'adminAreas'] as const) {
    if (input[field] === null) problems.add(`input.${field}`, `A corridor needs its ${field === 'adminAreas' ? 'admin areas' : field}`);
  }
  problems.throwIfAny();
}

/** The admin areas crossed, each once, one to MAX_AREAS. */
function readAreas(adminAreas: string[]): string[] {
  const pcodes = distinct('input.adminAreas', adminAreas, (p) => p);
  if (pcodes.length === 0) throw badInput('input.adminAreas', 'Name at least one admin area the corridor crosses');
  if (pcodes.length > MAX_AREAS) throw badInput('input.adminAreas', `At most ${MAX_AREAS} admin areas`);
  return pcodes;
}

/** The admin areas the directory must confirm: those given, once they pass the checks of their own. */
export function areasToCheck(input: UpdateTranshumanceCorridorInput): string[] | null {
  if (!given(input.adminAreas)) return null;
  return new Problems().check('input.adminAreas', () => readAreas(input.adminAreas!)) ?? null;
}

/**
 * A corridor's values, created or updated (fields left out keep theirs), every problem at once:
 * `loaded.areas` is the directory's answer for areasToCheck; the path must lie in the areas' countries.
 */
export function corridorValues(
  input: UpdateTranshumanceCorridorInput,
  current: TranshumanceCorridor | null,
  loaded: { areas?: Lookup<AreaRef[]> } = {},
) {
  requiredCorridorFields(input);
  const problems = new Problems();
  const formality = input.formality ?? current!.formality;
  if (!CORRIDOR_FORMALITIES.includes(formality)) problems.add('input.formality', `Unknown formality ${formality}`);
  let adminPcodes = current?.adminPcodes ?? [];
  let countryCodes = current?.countryCodes ?? [];
  const adminAreas = input.adminAreas;
  if (given(adminAreas))
    problems.check('input.adminAreas', () => {
      readAreas(adminAreas);
      const areas = answerOf(loaded.areas!);
      adminPcodes = areas.map((a) => a.adminPcode);
      countryCodes = [...new Set(areas.map((a) => a.countryCode))];
    });
  let positions: Position[] = current ? positionsOf(current.path) : [];
  const path = input.path;
  // Where the path lies is only judged against areas that were accepted.
  const areasKnown = !problems.has('input.adminAreas');
  if (given(path)) {
    problems.check('input.path', () => {
      const read = readPath('input.path', path);
      positions = read.positions;
      if (areasKnown) checkPathInCountries(positions, countryCodes, read.positionField);
    });
  } else if (given(input.adminAreas) && areasKnown) {
    problems.check('input.adminAreas', () =>
      checkPathInCountries(positions, countryCodes, (i) => `input.adminAreas (position ${i} of the current path)`),
    );
  }
  return problems.done({
    name: problems.check('input.name', () => (given(input.name) ? requiredName('input.name', input.name, 'The name') : current!.name)),
    formality,
    legalBasis: problems.check('input.legalBasis', () =>
      input.legalBasis === undefined
        ? (current?.legalBasis ?? null)
        : optionalText('input.legalBasis', input.legalBasis, 'The legal basis', 500),
    ),
    adminPcodes,
    countryCodes,
    positions,
    season: problems.check('input.season', () =>
      input.season === undefined || input.season === null ? (current?.season ?? []) : readSeason('input.season', input.season),
    ),
    earlyAction: problems.check('input.earlyAction', () =>
      input.earlyAction === undefined || input.earlyAction === null
        ? (current?.earlyAction ?? {})
        : readOverrides('input.earlyAction', input.earlyAction),
    ),
    notes: problems.check('input.notes', () =>
      input.notes === undefined ? (current?.notes ?? null) : optionalText('input.notes', input.notes, 'The notes'),
    ),
  });
}
