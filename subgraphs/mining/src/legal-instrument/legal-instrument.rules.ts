import { today, optionalText, requiredName, wholeNumber, given, Problems } from '@peacegraph/kit/input';
import { LEGAL_INSTRUMENT_KINDS, NATIONAL_KINDS, PROVISION_TOPICS } from '../common/values';
import type {
  AddProvisionInput,
  CreateLegalInstrumentInput,
  UpdateLegalInstrumentInput,
  UpdateProvisionInput,
} from '../generated/resolvers';
import type { LegalInstrument, Provision } from './legal-instrument.entity';

/** Country codes of the platform: national instruments are those of its countries. */
const COUNTRIES = ['BF', 'GM', 'GW', 'ML', 'NE', 'SN'];

/** An instrument's values, created or updated (fields left out keep theirs), every problem at once. */
export function instrumentValues(input: CreateLegalInstrumentInput | UpdateLegalInstrumentInput, current: LegalInstrument | null) {
  const problems = new Problems();
  for (const field of ['title', 'kind', 'year'] as const) {
    if (input[field] === null) problems.add(`input.${field}`, `A legal instrument needs its ${field}`);
  }
  problems.throwIfAny();
  const kind = input.kind ?? current!.kind;
  if (!LEGAL_INSTRUMENT_KINDS.includes(kind)) problems.add('input.kind', `Unknown kind ${kind}`);
  const countryCode = input.country === undefined ? (current?.countryCode ?? null) : input.country;
  const national = NATIONAL_KINDS.includes(kind);
  if (national && !countryCode) problems.add('input.country', 'A national instrument names its country');
  if (!national && countryCode) problems.add('input.country', 'A regional instrument has no country');
  if (countryCode && !COUNTRIES.includes(countryCode)) {
    problems.add('input.country', `${countryCode} is not a country of the platform (${COUNTRIES.join(', ')})`);
  }
  const thisYear = Number(today().slice(0, 4));
  return problems.done({
    title: problems.check('input.title', () =>
      given(input.title) ? requiredName('input.title', input.title, 'The title', 300) : current!.title,
    ),
    shortTitle: problems.check('input.shortTitle', () =>
      input.shortTitle === undefined
        ? (current?.shortTitle ?? null)
        : optionalText('input.shortTitle', input.shortTitle, 'The short title', 40),
    ),
    kind,
    countryCode,
    year: problems.check('input.year', () =>
      input.year === undefined ? current!.year : wholeNumber('input.year', input.year!, 'The year', { min: 1900, max: thisYear }),
    ),
  });
}

/** A provision's values, added or updated (fields left out keep theirs), every problem at once. */
export function provisionValues(input: AddProvisionInput | UpdateProvisionInput, current: Provision | null) {
  const problems = new Problems();
  for (const field of ['article', 'title', 'topic'] as const) {
    if (input[field] === null) problems.add(`input.${field}`, `A provision needs its ${field}`);
  }
  problems.throwIfAny();
  const topic = input.topic ?? current!.topic;
  if (!PROVISION_TOPICS.includes(topic)) problems.add('input.topic', `Unknown topic ${topic}`);
  return problems.done({
    article: problems.check('input.article', () =>
      given(input.article) ? requiredName('input.article', input.article, 'The article', 20) : current!.article,
    ),
    title: problems.check('input.title', () =>
      given(input.title) ? requiredName('input.title', input.title, 'The title', 300) : current!.title,
    ),
    topic,
    summary: problems.check('input.summary', () =>
      input.summary === undefined ? (current?.summary ?? null) : optionalText('input.summary', input.summary, 'The summary'),
    ),
  });
}
