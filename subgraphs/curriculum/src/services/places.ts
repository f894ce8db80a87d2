import { badInput, createDirectoryClient, onlyUuids, type DirectoryClient } from '@peacegraph/kit';
import type { Place } from '../entities/cohort';

/**
 * Where records happen, checked against the directory at write time through the kit's client
 * (batched `_entities` lookups). Only keys and where they lie are kept here: the directory owns names.
 * One client per request, so its caches never outlive the request.
 */
export class Places {
  private readonly directory: DirectoryClient;

  constructor(directoryUrl: string) {
    this.directory = createDirectoryClient(directoryUrl);
  }

  /** The community and where it lies (admin area, region, country), or BAD_USER_INPUT on `field`. */
  async community(field: string, id: string): Promise<Place> {
    const [place] = await this.communities(field, [id], false);
    return place!;
  }

  /** Several communities; `indexed` names the list position in the error (`field.2`). */
  async communities(field: string, ids: readonly string[], indexed = true): Promise<Place[]> {
    const found = await Promise.all(ids.map((id) => (onlyUuids([id]).length ? this.directory.community.load(id) : null)));
    const unknown = found.findIndex((c) => !c);
    if (unknown >= 0) throw badInput(indexed ? `${field}.${unknown}` : field, `No community with id "${ids[unknown]}" in the directory`);
    return found.map((c) => ({
      communityId: c!.communityId,
      adminPcode: c!.adminPcode,
      regionPcode: c!.admin1Pcode,
      countryCode: c!.countryCode,
    }));
  }

  /** ISO 639-3 codes the directory knows; unknown ones are refused together. */
  async languages(field: string, codes: readonly string[]): Promise<string[]> {
    const found = await this.directory.language.loadMany([...codes]);
    const unknown = codes.filter((_, i) => !found[i] || found[i] instanceof Error);
    if (unknown.length) throw badInput(field, `Unknown ISO 639-3 language code${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);
    return [...codes];
  }
}
