import { badInput } from '@peacegraph/kit/errors';
import { Problems, optionalName, requiredText } from '@peacegraph/kit/input';
import { LIMITS } from '../common/limits';
import type { ForumTopic } from '../common/values';

/** A new topic is named; a listed one is not. */
export function otherTopicOf(topic: ForumTopic, raw: string | null | undefined): string | null {
  const name = optionalName('input.otherTopic', raw, 'The name of the topic', LIMITS.name);
  if (topic === 'OTHER' && !name) throw badInput('input.otherTopic', 'Name the new topic when the topic is OTHER');
  if (topic !== 'OTHER' && name) throw badInput('input.otherTopic', `Only an OTHER topic is named; ${topic} is a listed topic`);
  return name;
}

/** Every finding's problem at once, with the list's own length. */
export function findings(raw: readonly string[]): string[] {
  const problems = new Problems();
  if (raw.length > LIMITS.findings) problems.add('input.keyFindings', `At most ${LIMITS.findings} findings`);
  const checked = raw.map((finding, i) =>
    problems.check(`input.keyFindings.${i}`, () => requiredText(`input.keyFindings.${i}`, finding, 'The finding', LIMITS.finding)),
  );
  problems.throwIfAny();
  return checked as string[];
}
