import { badInput } from '@peacegraph/kit/errors';
import { requireOwner, type Partner } from '@peacegraph/kit/policy';
import type { Cohort } from './cohort.entity';
import type { Loaders } from '../loaders';

/**
 * The cohort a follow-up record (action plan, social mobilisation) belongs to: it exists, the caller's
 * organisation runs it, and it has started, since both come out of its sessions.
 */
export async function startedCohort(loaders: Loaders, writer: Partner, id: string, what: string): Promise<Cohort & { startedOn: string }> {
  const cohort = await loaders.cohort.load(id);
  if (!cohort) throw badInput('input.cohort', `No cohort with id "${id}"`);
  requireOwner(writer, cohort.ownerOrg, `Cohort ${cohort.id}`);
  if (!cohort.startedOn) throw badInput('input.cohort', `The cohort has not started yet: ${what} comes out of its sessions`);
  return cohort as Cohort & { startedOn: string };
}
