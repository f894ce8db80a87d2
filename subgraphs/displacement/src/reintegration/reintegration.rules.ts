import { badInput } from '@peacegraph/kit/errors';
import {
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
import type { ReintegrationProgramme } from './reintegration.entity';
import type { RegisterReintegrationCaseInput, UpdateReintegrationProgrammeInput } from '../generated/resolvers';

/**
 * Where a case may go next. A person who dropped out may come back into assistance; reintegration is
 * the end of the programme's follow-up. Reaching REINTEGRATED also needs assistance on record (the
 * service checks it): nobody is reintegrated by a programme that gave them nothing.
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
