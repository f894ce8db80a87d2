import { badInput } from '@peacegraph/kit/errors';
import { distinct } from '@peacegraph/kit/input';
import { loadPresent, onlyUuids } from '@peacegraph/kit/sql';
import type { CoveredProvisions } from './record-columns';
import type { Loaders } from '../loaders';

export interface CoveredProvisionsInput {
  instrument?: string | null;
  provisions?: readonly string[] | null;
}

/** Most provisions one record covers. */
export const MAX_COVERED = 200;

/**
 * The instrument a record covers and which of its provisions: every provision must belong to that
 * instrument. On update, fields left out keep their value; provisions of a previous instrument must
 * be replaced when the instrument changes.
 */
export async function coveredProvisions(
  loaders: Loaders,
  input: CoveredProvisionsInput,
  current: CoveredProvisions | null,
): Promise<CoveredProvisions> {
  const instrumentId = input.instrument === undefined ? (current?.instrumentId ?? null) : input.instrument;
  const given = input.provisions !== undefined && input.provisions !== null;
  const provisionIds = given ? distinct('input.provisions', input.provisions!, (id) => `Provision ${id}`) : (current?.provisionIds ?? []);
  if (provisionIds.length > MAX_COVERED) throw badInput('input.provisions', `At most ${MAX_COVERED} provisions`);
  if (!instrumentId) {
    if (provisionIds.length > 0) {
      throw badInput(
        given ? 'input.instrument' : 'input.provisions',
        given ? 'Name the instrument whose provisions these are' : 'The provisions covered need their instrument: remove them too',
      );
    }
    return { instrumentId: null, provisionIds: [] };
  }
  const instrument = onlyUuids([instrumentId]).length ? await loaders.instrument.load(instrumentId) : null;
  if (!instrument) throw badInput('input.instrument', `No legal instrument with id "${instrumentId}"`);
  const found = await loaders.provision.loadMany(
    provisionIds.map((id) => (onlyUuids([id]).length ? id : '00000000-0000-0000-0000-000000000000')),
  );
  provisionIds.forEach((id, i) => {
    const provision = found[i];
    if (provision instanceof Error) throw provision;
    const field = given ? `input.provisions.${i}` : 'input.provisions';
    if (!provision) throw badInput(field, `No provision with id "${id}"`);
    if (provision.instrumentId !== instrument.id) {
      throw badInput(
        field,
        given
          ? `Article ${provision.article} ("${provision.title}") is not a provision of ${instrument.shortTitle ?? instrument.title}`
          : `The provisions covered belong to the previous instrument: give provisions of ${instrument.shortTitle ?? instrument.title}`,
      );
    }
  });
  return { instrumentId: instrument.id, provisionIds };
}

/** The provisions as a list, by article number. */
export async function provisionsInOrder(loaders: Loaders, ids: readonly string[]) {
  const provisions = await loadPresent(loaders.provision, ids);
  return provisions.sort((a, b) => a.articleNumber - b.articleNumber || a.article.localeCompare(b.article) || a.id.localeCompare(b.id));
}
