import { badInput } from '@peacegraph/kit/errors';
import { isoDate, notInFuture, distinct, optionalText, requiredName, given, Problems, type DateInput } from '@peacegraph/kit/input';
import { groupWords, type KnowledgeScores, type Participants } from '../common/participants.rules';
import { ECPF_COMPONENT_CODES, TRAINING_KINDS } from '../common/values';
import type { RecordMiningTrainingInput, UpdateMiningTrainingInput } from '../generated/resolvers';
import type { MiningTraining, TrainingParticipantGroup } from './training.entity';
import type { TrainingFilter } from './training.filter';

/** A training's own values, recorded or updated (fields left out keep theirs), every problem at once. */
export function trainingValues(input: RecordMiningTrainingInput | UpdateMiningTrainingInput, current: MiningTraining | null) {
  const problems = new Problems();
  for (const field of ['title', 'kind', 'startsOn', 'endsOn', 'trainers', 'participants'] as const) {
    if (input[field] === null) problems.add(`input.${field}`, `A training needs its ${field}`);
  }
  problems.throwIfAny();
  const kind = input.kind ?? current!.kind;
  if (!TRAINING_KINDS.includes(kind)) problems.add('input.kind', `Unknown kind ${kind}`);
  const startsOn = problems.check('input.startsOn', () =>
    given(input.startsOn) ? notInFuture('input.startsOn', input.startsOn, 'The start date') : current!.startsOn,
  );
  const endsOn = problems.check('input.endsOn', () =>
    given(input.endsOn) ? notInFuture('input.endsOn', input.endsOn, 'The end date') : current!.endsOn,
  );
  if (startsOn && endsOn && endsOn < startsOn)
    problems.add(given(input.endsOn) ? 'input.endsOn' : 'input.startsOn', `The training ends (${endsOn}) before it starts (${startsOn})`);
  const ecpfComponents =
    problems.check('input.ecpfComponents', () =>
      given(input.ecpfComponents) ? distinct('input.ecpfComponents', input.ecpfComponents, (c) => c) : (current?.ecpfComponents ?? []),
    ) ?? [];
  const unknown = ecpfComponents.findIndex((c) => !ECPF_COMPONENT_CODES.includes(c));
  if (unknown >= 0) problems.add(`input.ecpfComponents.${unknown}`, `Unknown ECPF component ${ecpfComponents[unknown]}`);
  return problems.done({
    title: problems.check('input.title', () =>
      given(input.title) ? requiredName('input.title', input.title, 'The title', 300) : current!.title,
    ),
    kind,
    startsOn,
    endsOn,
    venue: problems.check('input.venue', () =>
      input.venue === undefined ? (current?.venue ?? null) : optionalText('input.venue', input.venue, 'The venue', 200),
    ),
    ecpfComponents,
  });
}

/** Most organisations giving one training. */
export const MAX_TRAINERS = 10;

/**
 * The organisations that gave the training, for the directory to confirm: at least one, each once, at
 * most MAX_TRAINERS. The first problem refuses at once, before the directory is asked.
 */
export function trainersToAsk(ids: readonly string[] | null | undefined): string[] {
  const trainers = distinct('input.trainers', ids ?? [], (id) => `Organisation ${id}`);
  if (trainers.length === 0) throw badInput('input.trainers', 'Name at least one organisation that gave the training');
  if (trainers.length > MAX_TRAINERS) throw badInput('input.trainers', `At most ${MAX_TRAINERS} organisations`);
  return trainers;
}

/** The assessment as stored: the training's scale and the scores of its assessed groups. */
export function storedScores(training: MiningTraining, groups: readonly TrainingParticipantGroup[]): KnowledgeScores | null {
  if (training.scoreScaleMin === null || training.scoreScaleMax === null) return null;
  const scored = groups.filter((g) => g.assessed !== null);
  return {
    scaleMin: training.scoreScaleMin,
    scaleMax: training.scoreScaleMax,
    groups: new Map(
      scored.map((g) => [g.stakeholderGroup, { assessed: g.assessed!, meanPreScore: g.meanPreScore!, meanPostScore: g.meanPostScore! }]),
    ),
  };
}

/** New participants must still hold the people whose scores are kept. */
export function stillAssessable(knowledge: KnowledgeScores, participants: Participants): void {
  for (const [group, score] of knowledge.groups) {
    const took = participants.groups.find((g) => g.stakeholderGroup === group);
    const present = took ? took.women + took.men : 0;
    if (present < score.assessed) {
      throw badInput(
        'input.participants',
        `${score.assessed} ${groupWords(group)} sat the knowledge tests but the participants now count ${present}: give the knowledgeAssessment again, or null`,
      );
    }
  }
}

/** A filter of trainings as the schema gives it: dates from the Date scalar. */
export type TrainingFilterInput = Omit<TrainingFilter, 'from' | 'to'> & { from?: DateInput | null; to?: DateInput | null };

/** A filter of trainings (lists and figures alike), its dates as SQL dates; a period must not end before it starts. */
export function trainingFilter(input: TrainingFilterInput | null | undefined): TrainingFilter {
  const filter: TrainingFilter = { ...input, from: input?.from ? isoDate(input.from) : null, to: input?.to ? isoDate(input.to) : null };
  if (filter.from && filter.to && filter.from > filter.to) throw badInput('filter.to', `${filter.to} is before ${filter.from}`);
  return filter;
}
