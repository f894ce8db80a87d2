import { badInput } from '@peacegraph/kit/errors';
import {
  checkStatusChange,
  isoDate,
  notBefore,
  notInFuture,
  notNull,
  optionalDate,
  requiredName,
  type CommunityPlace,
  type ReferenceChecks,
  given,
  Problems,
} from '@peacegraph/kit/input';
import { MINOR_AGE_GROUPS, type ReintegrationStatus } from '../common/displacement-values';
import { answerOf, type Lookup } from '@peacegraph/kit/input';
import type { ReintegrationCase, ReintegrationProgramme } from './reintegration.entity';
import type {
  RegisterReintegrationCaseInput,
  ReintegrationAssistanceInput,
  ReintegrationStatusInput,
  UpdateReintegrationProgrammeInput,
} from '../generated/resolvers';

/**
 * Where a case may go next. A person who dropped out may come back into assistance; reintegration is
 * the end of the programme's follow-up. Reaching REINTEGRATED also needs assistance on record
 * (`checkReintegrated`): nobody is reintegrated by a programme that gave them nothing.
 */
export const NEXT_CASE_STATUSES: Record<ReintegrationStatus, readonly ReintegrationStatus[]> = {
  REGISTERED: ['IN_ASSISTANCE', 'DROPPED_OUT'],
  IN_ASSISTANCE: ['REINTEGRATED', 'DROPPED_OUT'],
  DROPPED_OUT: ['IN_ASSISTANCE'],
  REINTEGRATED: [],
};

/** Assistance may be recorded while the case is open; recording it starts assistance. */
export function acceptsAssistance(status: ReintegrationStatus): boolean {
  return status === 'REGISTERED' || status === 'IN_ASSISTANCE';
}

/**
 * Assistance recorded on a case as stored, refused at the first problem: the case is open, the
 * assistance starts neither in the future nor before the registration, and ends neither in the future
 * nor before it starts. The first assistance starts assistance: `changes` are the case's.
 */
export function assistanceValues(input: ReintegrationAssistanceInput, current: ReintegrationCase) {
  if (!acceptsAssistance(current.status))
    throw badInput('id', `The case is ${current.status}: assistance is recorded while a case is REGISTERED or IN_ASSISTANCE`);
  const startedOn = notInFuture('input.startedOn', input.startedOn, 'The start of the assistance');
  notBefore('input.startedOn', startedOn, current.registeredOn, 'the registration of the case');
  const endedOn = optionalDate(input.endedOn);
  if (endedOn) {
    notInFuture('input.endedOn', endedOn, 'The end of the assistance');
    notBefore('input.endedOn', endedOn, startedOn, 'the start of the assistance');
  }
  const changes: Partial<ReintegrationCase> =
    current.status === 'REGISTERED'
      ? { status: 'IN_ASSISTANCE', statusSince: startedOn > current.statusSince ? startedOn : current.statusSince }
      : {};
  return { startedOn, endedOn, changes };
}

/** The date of a case's move to its next status, refused at the first problem; see NEXT_CASE_STATUSES. */
export function statusChangeOn(input: ReintegrationStatusInput, current: ReintegrationCase): string {
  checkStatusChange('A case', NEXT_CASE_STATUSES, current.status, input.status, 'input.status');
  const on = notInFuture('input.on', input.on, 'The date of the change');
  notBefore('input.on', on, current.statusSince, `the case's last change`);
  return isoDate(on);
}

/** Whether a move to `status` needs the case's assistance on record (the service loads it only then). */
export function needsAssistanceOnRecord(status: ReintegrationStatus): boolean {
  return status === 'REINTEGRATED';
}

/** A case is reintegrated only after assistance: `assistance` is what is on record for it. */
export function checkReintegrated(status: ReintegrationStatus, assistance: readonly unknown[]): void {
  if (needsAssistanceOnRecord(status) && assistance.length === 0) {
    throw badInput('input.status', 'A case is reintegrated after assistance: record the assistance given first');
  }
}

export const PROGRAMME_CODE = /^[A-Z0-9]{2,8}$/;

/** A programme's code: it starts the codes of its beneficiaries. */
export function checkProgrammeCode(code: string): void {
  if (!PROGRAMME_CODE.test(code)) {
    throw badInput(
      'input.code',
      'A programme code is 2 to 8 capital letters or digits (e.g. CVRSAHEL): it starts the codes of its beneficiaries',
    );
  }
}

/** Most admin areas one programme covers. */
export const MOST_PROGRAMME_AREAS = 50;

/** An admin area the directory is asked about, under the field of its first place in the list. */
export interface AreaToAsk {
  field: string;
  pcode: string;
}

/**
 * A programme's areas the directory is asked about, in the order listed, each once: none when their
 * number is refused anyway (see `programmeAreas`).
 */
export function programmeAreasToAsk(pcodes: readonly string[]): AreaToAsk[] {
  if (pcodes.length === 0 || pcodes.length > MOST_PROGRAMME_AREAS) return [];
  const asked = new Map<string, AreaToAsk>();
  pcodes.forEach((pcode, i) => {
    if (!asked.has(pcode)) asked.set(pcode, { field: `input.adminAreas.${i}`, pcode });
  });
  return [...asked.values()];
}

/**
 * A programme's admin areas: one to MOST_PROGRAMME_AREAS, each once, each known to the directory
 * (`loaded`: its answer for the areas asked, by P-code). They are read in the order listed and the
 * first problem refuses, a repeat or the directory's refusal, whichever comes first in the list; the
 * service need not ask about the areas after a refusal.
 */
export function programmeAreas(pcodes: readonly string[], loaded: ReadonlyMap<string, Lookup<unknown>>): string[] {
  if (pcodes.length === 0) throw badInput('input.adminAreas', 'Name at least one admin area the programme covers');
  if (pcodes.length > MOST_PROGRAMME_AREAS) throw badInput('input.adminAreas', `At most ${MOST_PROGRAMME_AREAS} admin areas`);
  const seen = new Set<string>();
  for (const [i, pcode] of pcodes.entries()) {
    if (seen.has(pcode)) throw badInput(`input.adminAreas.${i}`, `${pcode} is listed twice`);
    seen.add(pcode);
    const answer = loaded.get(pcode);
    if (!answer) throw new Error(`The directory was not asked about ${pcode}`);
    answerOf(answer);
  }
  return [...pcodes];
}

/** Once cases are registered in a programme, its start no longer moves. */
export function checkStartStays(input: UpdateReintegrationProgrammeInput, startsOn: string, current: ReintegrationProgramme): void {
  if (given(input.startsOn) && startsOn !== current.startsOn && current.lastCaseNumber > 0) {
    throw badInput('input.startsOn', 'Cases are registered in the programme: its start no longer moves');
  }
}

/** A programme's values, created or updated (fields left out keep theirs), every problem at once. */
export function programmeValues(input: UpdateReintegrationProgrammeInput, current: ReintegrationProgramme | null) {
  const problems = new Problems();
  for (const [field, label] of [
    ['kind', 'The kind'],
    ['name', 'The name'],
    ['adminAreas', 'The areas covered'],
    ['startsOn', 'The start'],
  ] as const) {
    problems.check(`input.${field}`, () => notNull(`input.${field}`, input[field], label));
  }
  problems.throwIfAny();
  const startsOn = given(input.startsOn) ? isoDate(input.startsOn) : current!.startsOn;
  const endsOn = input.endsOn === undefined ? (current?.endsOn ?? null) : optionalDate(input.endsOn);
  if (endsOn && endsOn < startsOn) problems.add('input.endsOn', `The programme ends (${endsOn}) before it starts (${startsOn})`);
  return problems.done({
    kind: input.kind ?? current!.kind,
    name: problems.check('input.name', () =>
      input.name === undefined || input.name === null ? current!.name : requiredName('input.name', input.name, 'The name', 200),
    ),
    startsOn,
    endsOn,
  });
}

/** What the service asked the directory for a registration: the admin area, and the community when given. */
export interface CaseLookups {
  area: Lookup<Awaited<ReturnType<ReferenceChecks['adminArea']>>>;
  community?: Lookup<CommunityPlace>;
}

/**
 * A case's registration in `programme`, every problem at once: a minor is never a former combatant,
 * the date falls within the programme, the admin-2 area is one the programme covers and the community
 * lies in it (`loaded` holds the directory's answers).
 */
export function caseRegistration(input: RegisterReintegrationCaseInput, programme: ReintegrationProgramme, loaded: CaseLookups) {
  const problems = new Problems();
  if (input.category === 'FORMER_COMBATANT' && MINOR_AGE_GROUPS.includes(input.ageGroup)) {
    problems.add(
      'input.category',
      'A child associated with an armed group is registered as ASSOCIATED_PERSON, never as a former combatant',
    );
  }
  const checkedOn = problems.check('input.registeredOn', () => {
    const on = notInFuture('input.registeredOn', input.registeredOn, 'The registration date');
    notBefore('input.registeredOn', on, programme.startsOn, 'the start of the programme');
    if (programme.endsOn && on > programme.endsOn)
      throw badInput('input.registeredOn', `${on} is after the programme ended (${programme.endsOn})`);
    return on;
  });
  const checkedArea = problems.check('input.adminArea', () => {
    const found = answerOf(loaded.area);
    if (found.adminLevel !== 2)
      throw badInput(
        'input.adminArea',
        `Give the admin-2 area (${input.adminArea} is level ${found.adminLevel}): figures are made by admin-2 area`,
      );
    if (!programme.adminPcodes.some((covered) => found.adminPcode.startsWith(covered))) {
      throw badInput(
        'input.adminArea',
        `${found.adminPcode} is outside the areas the programme covers (${programme.adminPcodes.join(', ')})`,
      );
    }
    return found;
  });
  let communityId: string | null = null;
  const communityGiven = input.community;
  if (given(communityGiven)) {
    problems.check('input.community', () => {
      const community = answerOf(loaded.community!);
      if (checkedArea && community.admin2Pcode !== checkedArea.adminPcode)
        throw badInput('input.community', `The community lies outside ${checkedArea.adminPcode}`);
      communityId = community.communityId;
    });
  }
  const { registeredOn, area } = problems.done({ registeredOn: checkedOn, area: checkedArea });
  return { registeredOn, area, communityId: communityId as string | null };
}
