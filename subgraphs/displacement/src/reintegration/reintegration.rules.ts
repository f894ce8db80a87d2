import { badInput } from '@peacegraph/kit/errors';
import { isoDate, notNull, optionalDate, requiredName, type DateInput, given, Problems } from '@peacegraph/kit/input';
import type { ReintegrationProgrammeKind, ReintegrationStatus } from '../common/displacement-values';
import type { ReintegrationProgramme } from './reintegration.entity';

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

export interface ReintegrationProgrammeInput {
  kind?: ReintegrationProgrammeKind | null;
  name?: string | null;
  adminAreas?: string[] | null;
  startsOn?: DateInput | null;
  endsOn?: DateInput | null;
}

export interface CreateReintegrationProgrammeInput extends ReintegrationProgrammeInput {
  code: string;
  kind: ReintegrationProgrammeKind;
  name: string;
  adminAreas: string[];
  startsOn: DateInput;
  clientMutationId?: string | null;
}

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
export function programmeValues(input: ReintegrationProgrammeInput, current: ReintegrationProgramme | null) {
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
