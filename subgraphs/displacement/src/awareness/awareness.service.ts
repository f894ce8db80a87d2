import type { RecordWrites } from '@peacegraph/kit/writes';
import { badInput } from '@peacegraph/kit/errors';
import { type ReferenceChecks, given } from '@peacegraph/kit/input';
import { AwarenessSessionSchema, type AwarenessSession } from './awareness.entity';
import { readFacilitators, sessionValues } from './awareness.rules';
import type { RecordAwarenessSessionInput, UpdateAwarenessSessionInput } from '../generated/resolvers';
import type { Loaders } from '../loaders';

const SPEC = { schema: AwarenessSessionSchema, recordType: 'AwarenessSession' };

/** Social cohesion, peaceful transhumance and peace education sessions held in communities. */
export class AwarenessSessionService {
  constructor(
    private readonly loaders: Loaders,
    private readonly directory: ReferenceChecks,
    private readonly writes: RecordWrites,
  ) {}

  async record(input: RecordAwarenessSessionInput): Promise<AwarenessSession> {
    return this.writes.once(AwarenessSessionSchema, input.clientMutationId, async (writer) => {
      const values = sessionValues(input, null);
      const place = await this.directory.community('input.community', input.community);
      const facilitatorIds = await this.facilitators(input.facilitators);
      return this.writes.create(writer, { ...values, ...place, facilitatorIds }, input.clientMutationId, {
        ...SPEC,
        operation: 'recordAwarenessSession',
        fields: Object.keys(input),
        duplicates: this.duplicates(values.heldOn),
      });
    });
  }

  /** The community is what the session was: record another one rather than move it. */
  async update(id: string, version: number, input: UpdateAwarenessSessionInput): Promise<AwarenessSession> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.awarenessSession.load(id), 'AwarenessSession', id, version);
    const values = sessionValues(input, current);
    const facilitatorIds = given(input.facilitators) ? await this.facilitators(input.facilitators) : current.facilitatorIds;
    return this.writes.update(
      current,
      version,
      { ...values, facilitatorIds },
      {
        ...SPEC,
        operation: 'updateAwarenessSession',
        fields: Object.keys(input),
        duplicates: this.duplicates(values.heldOn),
      },
    );
  }

  /** Organisations of the directory that facilitated the session. */
  private async facilitators(ids: string[]): Promise<string[]> {
    return this.directory.organisations('input.facilitators', readFacilitators(ids));
  }

  private duplicates(heldOn: string) {
    return {
      awareness_session_same: () =>
        badInput('input.heldOn', `Your organisation already recorded a session of this kind in this community on ${heldOn}`),
    };
  }
}
