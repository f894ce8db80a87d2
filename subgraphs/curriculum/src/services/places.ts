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
    const regions = await this.regionsOf(found.map((c) => c!.adminPcode));
    return found.map((c) => ({ communityId: c!.id, adminPcode: c!.adminPcode, regionPcode: regions.get(c!.adminPcode)!, countryCode: c!.countryCode }));
  }

  /** ISO 639-3 codes the directory knows; unknown ones are refused together. */
  async languages(field: string, codes: readonly string[]): Promise<string[]> {
    const found = await this.directory.language.loadMany([...codes]);
    const unknown = codes.filter((_, i) => !found[i] || found[i] instanceof Error);
    if (unknown.length) throw badInput(field, `Unknown ISO 639-3 language code${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);
    return [...codes];
  }

  /**
   * The level-1 area (region) of each P-code. OCHA P-codes of children start with their parent's, so
   * the region is the prefix the directory knows at level 1; every prefix is asked in one lookup.
   */
  private async regionsOf(pcodes: readonly string[]): Promise<Map<string, string>> {
    const prefixes = [...new Set(pcodes.flatMap((pcode) => Array.from({ length: pcode.length - 2 }, (_, i) => pcode.slice(0, i + 3))))];
    const areas = await this.directory.adminArea.loadMany(prefixes);
    const regions = new Set(areas.flatMap((a) => (a && !(a instanceof Error) && a.level === 1 ? [a.pcode] : [])));
    return new Map(
      pcodes.map((pcode) => {
        const region = prefixes.find((prefix) => regions.has(prefix) && pcode.startsWith(prefix));
        if (!region) throw new Error(`The directory knows no level-1 area above ${pcode}`);
        return [pcode, region];
      }),
    );
  }
}
