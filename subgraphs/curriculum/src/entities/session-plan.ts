import { EntitySchema } from 'typeorm';
import type { Audience } from './headcount';
import { OWNED_RECORD_COLUMNS, type OwnedRecord } from './record';

export const SESSION_THEMES = [
  'COMMUNITY_VISION',
  'HUMAN_RIGHTS',
  'SOCIAL_NORMS',
  'PEACE_AND_HUMAN_SECURITY',
  'DIALOGUE_IN_CONFLICT_MANAGEMENT',
  'WOMEN_IN_CONFLICT_PREVENTION',
  'MEDIATION_TECHNIQUES',
  'ACTION_PLANNING',
] as const;
export type SessionTheme = (typeof SESSION_THEMES)[number];

/** One numbered session of a module; owned by the module's organisation. */
export interface SessionPlan extends OwnedRecord {
  moduleId: string;
  number: number;
  title: string;
  theme: SessionTheme;
  objectives: string[];
  durationMinutes: number;
  audiences: Audience[];
}

export const SessionPlanSchema = new EntitySchema<SessionPlan>({
  name: 'SessionPlan',
  tableName: 'session_plan',
  columns: {
    ...OWNED_RECORD_COLUMNS,
    moduleId: { type: 'uuid' },
    number: { type: 'smallint' },
    title: { type: 'text' },
    theme: { type: 'text' },
    objectives: { type: 'text', array: true },
    durationMinutes: { type: 'integer' },
    audiences: { type: 'text', array: true },
  },
});
