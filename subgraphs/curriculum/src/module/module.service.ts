import { badInput } from '@peacegraph/kit/errors';
import { distinct, optionalText, requiredName, textList, wholeNumber, given, Problems } from '@peacegraph/kit/input';
import { requireOwner } from '@peacegraph/kit/policy';
import type { RecordWrites } from '@peacegraph/kit/writes';
import type { EntityManager } from 'typeorm';
import { AUDIENCES } from '../common/headcount';
import { ModuleSchema, SESSION_THEMES, SessionPlanSchema, type Module, type SessionPlan } from './module.entity';
import type { AddSessionPlanInput, CreateModuleInput, UpdateModuleInput, UpdateSessionPlanInput } from '../generated/resolvers';
import type { Loaders } from '../loaders';
import type { Repositories } from '../repositories';

/** Plans beyond this many would not be one module but several. */
export const MAX_SESSIONS = 60;

/** Modules and their session plans: the published curriculum, written by the organisation that publishes it. */
export class ModuleService {
  constructor(
    private readonly repositories: Repositories,
    private readonly loaders: Loaders,
    private readonly writes: RecordWrites,
  ) {}

  async create(input: CreateModuleInput): Promise<Module> {
    return this.writes.once(ModuleSchema, input.clientMutationId, async (writer) => {
      const values = this.validate(input, null);
      return this.writes.create(writer, values, input.clientMutationId, {
        schema: ModuleSchema,
        recordType: 'Module',
        operation: 'createModule',
        fields: Object.keys(input),
        duplicates: this.duplicates(values),
      });
    });
  }

  async update(id: string, version: number, input: UpdateModuleInput): Promise<Module> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.module.load(id), 'Module', id, version);
    const values = this.validate(input, current);
    return this.writes.update(current, version, values, {
      schema: ModuleSchema,
      recordType: 'Module',
      operation: 'updateModule',
      fields: Object.keys(input),
      duplicates: this.duplicates(values),
    });
  }

  async addSessionPlan(input: AddSessionPlanInput): Promise<SessionPlan> {
    return this.writes.once(SessionPlanSchema, input.clientMutationId, async (writer) => {
      const module = await this.loaders.module.load(input.module);
      if (!module) throw badInput('input.module', `No module with id "${input.module}"`);
      requireOwner(writer, module.ownerOrg, `Module ${module.id}`);
      const number = wholeNumber('input.number', input.number, 'The session number', { min: 1, max: MAX_SESSIONS });
      const plan = this.validatePlan(input, null);
      return this.writes.create(writer, { ...plan, moduleId: module.id, number }, input.clientMutationId, {
        schema: SessionPlanSchema,
        recordType: 'SessionPlan',
        operation: 'addSessionPlan',
        fields: Object.keys(input),
        duplicates: { session_plan_number: () => badInput('input.number', `Session ${number} of ${module.title} already exists`) },
        check: (manager) => this.checkNextPlan(manager, module, number),
      });
    });
  }

  async updateSessionPlan(id: string, version: number, input: UpdateSessionPlanInput): Promise<SessionPlan> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.sessionPlan.load(id), 'SessionPlan', id, version);
    return this.writes.update(current, version, this.validatePlan(input, current), {
      schema: SessionPlanSchema,
      recordType: 'SessionPlan',
      operation: 'updateSessionPlan',
      fields: Object.keys(input),
    });
  }

  /** Plans are numbered one after another, and a module in use keeps its plans (cohorts are completed against them). */
  private async checkNextPlan(manager: EntityManager, module: Module, number: number): Promise<void> {
    const { plans, cohorts } = await this.repositories.modules.lockedForPlans(manager, module.id);
    if (number <= plans)
      throw badInput('input.number', `Session ${number} of ${module.title} already exists; change it with updateSessionPlan`);
    if (number !== plans + 1)
      throw badInput('input.number', `${module.title} has ${plans} session plans: the next one is number ${plans + 1}`);
    if (cohorts > 0)
      throw badInput('input.module', `${module.title} is delivered by ${cohorts} cohorts; publish a new edition to add sessions`);
  }

  private validate(input: CreateModuleInput | UpdateModuleInput, current: Module | null) {
    const problems = new Problems();
    if (input.title === null) problems.add('input.title', 'The title cannot be empty');
    if (input.edition === null) problems.add('input.edition', 'The edition cannot be empty');
    problems.throwIfAny();
    return problems.done({
      title: problems.check('input.title', () =>
        input.title === undefined ? current!.title : requiredName('input.title', input.title!, 'The title'),
      ),
      edition: problems.check('input.edition', () =>
        input.edition === undefined ? current!.edition : requiredName('input.edition', input.edition!, 'The edition', 40),
      ),
      summary: problems.check('input.summary', () =>
        input.summary === undefined ? (current?.summary ?? null) : optionalText('input.summary', input.summary, 'The summary'),
      ),
    });
  }

  private duplicates(values: { title: string; edition: string }) {
    return {
      module_title_edition: () =>
        badInput('input.title', `Your organisation already publishes "${values.title}", edition ${values.edition}`),
    };
  }

  private validatePlan(input: AddSessionPlanInput | UpdateSessionPlanInput, current: SessionPlan | null) {
    const problems = new Problems();
    for (const field of ['title', 'theme', 'objectives', 'durationMinutes', 'audiences'] as const) {
      if (input[field] === null) problems.add(`input.${field}`, `A session plan needs its ${field}`);
    }
    problems.throwIfAny();
    const theme = input.theme ?? current!.theme;
    if (!SESSION_THEMES.includes(theme)) problems.add('input.theme', `Unknown theme ${theme}`);
    const audiences = problems.check('input.audiences', () =>
      given(input.audiences) ? distinct('input.audiences', input.audiences, (a) => a) : current!.audiences,
    );
    if (audiences?.length === 0) problems.add('input.audiences', 'Say who the session is for');
    if (audiences?.some((a) => !AUDIENCES.includes(a))) problems.add('input.audiences', 'Unknown audience');
    return problems.done({
      title: problems.check('input.title', () =>
        input.title === undefined ? current!.title : requiredName('input.title', input.title!, 'The title'),
      ),
      theme,
      objectives: problems.check('input.objectives', () =>
        given(input.objectives)
          ? textList('input.objectives', input.objectives, 'objectives', { max: 10, length: 500 })
          : current!.objectives,
      ),
      durationMinutes: problems.check('input.durationMinutes', () =>
        input.durationMinutes === undefined
          ? current!.durationMinutes
          : wholeNumber('input.durationMinutes', input.durationMinutes!, 'The duration in minutes', { min: 10, max: 600 }),
      ),
      audiences,
    });
  }
}
