import { given, Problems, optionalName, notNull, type ReferenceChecks } from '@peacegraph/kit/input';
import { type RecordWrites } from '@peacegraph/kit/writes';
import type { AddForumWorkingGroupInput, UpdateForumWorkingGroupInput } from '../generated/resolvers';
import { givenFields } from '../common/audit-fields';
import { ownForum } from '../forum/forum.service';
import { LIMITS } from '../common/limits';
import type { Loaders } from '../loaders';
import { WorkingGroupSchema, type WorkingGroup } from './working-group.entity';
import { findings, otherTopicOf } from './working-group.rules';

export class WorkingGroupService {
  constructor(
    private readonly loaders: Loaders,
    private readonly directory: ReferenceChecks,
    private readonly writes: RecordWrites,
  ) {}

  async add(input: AddForumWorkingGroupInput): Promise<WorkingGroup> {
    return this.writes.once(WorkingGroupSchema, input.clientMutationId, async (writer) => {
      const forum = await ownForum(this.loaders, writer, 'input.forum', input.forum);
      const problems = new Problems();
      const facilitatorOrg = input.facilitator ?? null;
      if (facilitatorOrg)
        await problems.check('input.facilitator', () => this.directory.organisations(() => 'input.facilitator', [facilitatorOrg]));
      const { otherTopic, facilitatorName, keyFindings } = problems.done({
        otherTopic: problems.check('input.otherTopic', () => otherTopicOf(input.topic, input.otherTopic)),
        facilitatorName: problems.check('input.facilitatorName', () =>
          optionalName('input.facilitatorName', input.facilitatorName, "The facilitator's name", LIMITS.name),
        ),
        keyFindings: problems.check('input.keyFindings', () => findings(input.keyFindings ?? [])),
      });
      return this.writes.create(
        writer,
        {
          forumId: forum.id,
          topic: input.topic,
          otherTopic,
          facilitatorOrg,
          facilitatorName,
          keyFindings,
        },
        input.clientMutationId,
        { schema: WorkingGroupSchema, recordType: 'ForumWorkingGroup', operation: 'addForumWorkingGroup', fields: givenFields(input) },
      );
    });
  }

  async update(id: string, version: number, input: UpdateForumWorkingGroupInput): Promise<WorkingGroup> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.workingGroup.load(id), 'ForumWorkingGroup', id, version);
    const changes = await this.checkChange(current, input);
    return this.writes.update(current, version, changes, {
      schema: WorkingGroupSchema,
      recordType: 'ForumWorkingGroup',
      operation: 'updateForumWorkingGroup',
      fields: givenFields(input),
    });
  }

  /**
   * Every problem of a change at once, before anything is written: the columns that change, checked in
   * the order they were refused one by one before, so a single problem is refused as it always was.
   */
  private async checkChange(current: WorkingGroup, input: UpdateForumWorkingGroupInput): Promise<Partial<WorkingGroup>> {
    const problems = new Problems();
    // The topic a group always has is refused first when removed: its name is checked against it.
    const topic = notNull('input.topic', input.topic, 'The topic') ?? current.topic;
    const changes: Partial<WorkingGroup> = {};
    if (input.topic !== undefined || input.otherTopic !== undefined) {
      changes.topic = topic;
      // Moving to a listed topic drops the old topic's name unless one is given (and then refused).
      const named = input.otherTopic !== undefined ? input.otherTopic : topic === 'OTHER' ? current.otherTopic : null;
      changes.otherTopic = problems.check('input.otherTopic', () => otherTopicOf(topic, named));
    }
    if (input.facilitator !== undefined) {
      const facilitator = input.facilitator;
      if (given(facilitator))
        await problems.check('input.facilitator', () => this.directory.organisations(() => 'input.facilitator', [facilitator]));
      changes.facilitatorOrg = facilitator ?? null;
    }
    if (input.facilitatorName !== undefined)
      changes.facilitatorName = problems.check('input.facilitatorName', () =>
        optionalName('input.facilitatorName', input.facilitatorName, "The facilitator's name", LIMITS.name),
      );
    if (input.keyFindings !== undefined) changes.keyFindings = problems.check('input.keyFindings', () => findings(input.keyFindings ?? []));
    return problems.done(changes);
  }
}
