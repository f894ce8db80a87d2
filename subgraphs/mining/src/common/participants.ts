import type { StakeholderGroup } from './values';

/**
 * People of one stakeholder group, by sex: part of the record they took part in, replaced with it.
 * Each feature that counts participants (consultation, training, policy-dialogue) has its own table of
 * them, with these columns.
 */
export interface ParticipantGroup {
  stakeholderGroup: StakeholderGroup;
  women: number;
  men: number;
}

export const PARTICIPANT_COUNT_COLUMNS = {
  stakeholderGroup: { type: 'text', primary: true },
  women: { type: 'integer' },
  men: { type: 'integer' },
} as const;
