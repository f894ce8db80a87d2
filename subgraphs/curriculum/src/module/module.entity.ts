import { EntitySchema } from 'typeorm';
import { OWNED_RECORD_COLUMNS, type OwnedRecord } from '@peacegraph/kit/writes';
import type { Audience } from '../common/headcount';

/** A published module of the curriculum, e.g. Peace and Security. */
export interface Module extends OwnedRecord {
  title: string;
  /** The curriculum's own version of the module ("2024"), not the record's optimistic-lock version. */
  edition: string;
  summary: string | null;
}

export const ModuleSchema = new EntitySchema<Module>({
  name: 'Module',
  tableName: 'module',
  columns: {
    ...OWNED_RECORD_COLUMNS,
    title: { type: 'text' },
    edition: { type: 'text' },
    summary: { type: 'text', nullable: true },
  },
});

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
