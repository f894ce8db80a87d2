import { notInFuture, distinct, optionalText, requiredName, wholeNumber, given, Problems } from '@peacegraph/kit/input';
import { answerOf, type Lookup } from '@peacegraph/kit/input';
import { MEDIA_KINDS, PUBLICATION_KINDS } from '../common/values';
import type {
  RecordMediaInterventionInput,
  RecordPublicationInput,
  UpdateMediaInterventionInput,
  UpdatePublicationInput,
} from '../generated/resolvers';
import type { MediaIntervention, Publication } from './media.entity';

/** Most people an outlet may claim to reach: the platform's six countries hold about 85 million. */
export const MAX_AUDIENCE = 100_000_000;

/** Most regions one media intervention reaches. */
export const MAX_REGIONS = 60;

/** A media intervention's fields, each optional in an update, and its kind, which an update never changes. */
export type MediaInput = UpdateMediaInterventionInput & Pick<Partial<RecordMediaInterventionInput>, 'kind'>;

/** What the directory answered for a write: the regions reached and the language, when they were asked. */
export interface MediaLookups {
  regions?: Lookup<unknown>;
  language?: Lookup<string>;
}

/** What a media intervention may not leave null: refused together before anything is asked of the directory. */
export function requiredMediaFields(input: MediaInput): void {
  const problems = new Problems();
  for (const field of ['kind', 'outlet', 'title', 'language', 'releasedOn', 'airings', 'regionsReached'] as const) {
    if (input[field] === null) problems.add(`input.${field}`, `A media intervention needs its ${field}`);
  }
  problems.throwIfAny();
}

/** What a publication may not leave null: refused together before anything is asked of the directory. */
export function requiredPublicationFields(input: RecordPublicationInput | UpdatePublicationInput): void {
  const problems = new Problems();
  for (const field of ['title', 'kind', 'language', 'publishedOn', 'copiesDistributed'] as const) {
    if (input[field] === null) problems.add(`input.${field}`, `A publication needs its ${field}`);
  }
  problems.throwIfAny();
}

/** The regions reached, each once, at least one and at most MAX_REGIONS; problems recorded on `problems`. */
function readRegions(problems: Problems, regions: string[]): string[] {
  const read = problems.check('input.regionsReached', () => distinct('input.regionsReached', regions, (p) => p)) ?? [];
  if (read.length === 0) problems.add('input.regionsReached', 'Name at least one region reached');
  else if (read.length > MAX_REGIONS) problems.add('input.regionsReached', `At most ${MAX_REGIONS} regions`);
  return read;
}

/** The regions the directory must confirm: those given, once they pass the checks of their own. */
export function regionsToCheck(input: MediaInput): string[] | null {
  if (!given(input.regionsReached)) return null;
  const problems = new Problems();
  const regions = readRegions(problems, input.regionsReached);
  return problems.any ? null : regions;
}

/** The language the directory must confirm: a new one, or none. */
export function languageToCheck(input: { language?: string | null }, current: { languageCode: string } | null): string | null {
  return given(input.language) && input.language !== current?.languageCode ? input.language : null;
}

/**
 * A media intervention's values, recorded or updated (fields left out keep theirs), every problem at
 * once; `loaded` holds the directory's answers for regionsToCheck and languageToCheck.
 */
export function mediaValues(input: MediaInput, current: MediaIntervention | null, loaded: MediaLookups = {}) {
  requiredMediaFields(input);
  const problems = new Problems();
  const kind = input.kind ?? current!.kind;
  if (!MEDIA_KINDS.includes(kind)) problems.add('input.kind', `Unknown kind ${kind}`);
  let regionsReached = current?.regionsReached ?? [];
  if (given(input.regionsReached)) {
    regionsReached = readRegions(problems, input.regionsReached);
    if (!problems.has('input.regionsReached')) problems.check('input.regionsReached', () => answerOf(loaded.regions!));
  }
  const estimatedAudience = problems.check('input.estimatedAudience', () =>
    input.estimatedAudience === undefined
      ? (current?.estimatedAudience ?? null)
      : input.estimatedAudience === null
        ? null
        : wholeNumber('input.estimatedAudience', input.estimatedAudience, 'The estimated audience', { max: MAX_AUDIENCE }),
  );
  return problems.done({
    kind,
    outlet: problems.check('input.outlet', () =>
      given(input.outlet) ? requiredName('input.outlet', input.outlet, 'The outlet') : current!.outlet,
    ),
    title: problems.check('input.title', () =>
      given(input.title) ? requiredName('input.title', input.title, 'The title', 300) : current!.title,
    ),
    campaign: problems.check('input.campaign', () =>
      input.campaign === undefined ? (current?.campaign ?? null) : optionalText('input.campaign', input.campaign, 'The campaign', 200),
    ),
    languageCode: problems.check('input.language', () =>
      languageToCheck(input, current) !== null ? answerOf(loaded.language!) : current!.languageCode,
    ),
    releasedOn: problems.check('input.releasedOn', () =>
      given(input.releasedOn) ? notInFuture('input.releasedOn', input.releasedOn, 'The release date') : current!.releasedOn,
    ),
    airings: problems.check('input.airings', () =>
      input.airings === undefined
        ? (current?.airings ?? 1)
        : wholeNumber('input.airings', input.airings!, 'The number of airings', { min: 1, max: 10_000 }),
    ),
    regionsReached,
    estimatedAudience,
  });
}

/**
 * A publication's values, recorded or updated (fields left out keep theirs), every problem at once;
 * `loaded.language` is the directory's answer for languageToCheck.
 */
export function publicationValues(
  input: RecordPublicationInput | UpdatePublicationInput,
  current: Publication | null,
  loaded: Pick<MediaLookups, 'language'> = {},
) {
  requiredPublicationFields(input);
  const problems = new Problems();
  const kind = input.kind ?? current!.kind;
  if (!PUBLICATION_KINDS.includes(kind)) problems.add('input.kind', `Unknown kind ${kind}`);
  const copiesPrinted = problems.check('input.copiesPrinted', () =>
    input.copiesPrinted === undefined
      ? (current?.copiesPrinted ?? null)
      : input.copiesPrinted === null
        ? null
        : wholeNumber('input.copiesPrinted', input.copiesPrinted, 'The number of copies printed', { max: 10_000_000 }),
  );
  const copiesDistributed = problems.check('input.copiesDistributed', () =>
    input.copiesDistributed === undefined
      ? current!.copiesDistributed
      : wholeNumber('input.copiesDistributed', input.copiesDistributed!, 'The number of copies distributed', { max: 10_000_000 }),
  );
  if (copiesPrinted !== null && copiesPrinted !== undefined && copiesDistributed !== undefined && copiesDistributed > copiesPrinted) {
    problems.add(
      input.copiesDistributed === undefined ? 'input.copiesPrinted' : 'input.copiesDistributed',
      `${copiesDistributed} copies distributed, but ${copiesPrinted} printed`,
    );
  }
  return problems.done({
    title: problems.check('input.title', () =>
      given(input.title) ? requiredName('input.title', input.title, 'The title', 300) : current!.title,
    ),
    kind,
    languageCode: problems.check('input.language', () =>
      languageToCheck(input, current) !== null ? answerOf(loaded.language!) : current!.languageCode,
    ),
    publishedOn: problems.check('input.publishedOn', () =>
      given(input.publishedOn) ? notInFuture('input.publishedOn', input.publishedOn, 'The publication date') : current!.publishedOn,
    ),
    copiesPrinted,
    copiesDistributed,
  });
}
