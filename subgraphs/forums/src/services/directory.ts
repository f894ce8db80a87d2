import { badInput, createDirectoryClient, onlyUuids, PCODE_PATTERN, type DirectoryClient, given } from '@peacegraph/kit';

/** Where a record is, as the directory says at write time: the keys a record stores. */
export interface Venue {
  communityId: string | null;
  adminPcode: string;
  admin1Pcode: string;
  countryCode: string;
}

export interface AreaRef {
  pcode: string;
  level: number;
  countryCode: string;
}

/**
 * What the forums subgraph checks against the directory at write time — communities, admin areas,
 * languages and organisations — through the kit's batched client. One instance per request, so its
 * caches never outlive the request.
 */
export class Directory {
  private readonly client: DirectoryClient;

  constructor(directoryUrl: string, client?: DirectoryClient) {
    this.client = client ?? createDirectoryClient(directoryUrl);
  }

  /** A community and where it lies, or BAD_USER_INPUT on `field`. */
  async community(field: string, id: string): Promise<Venue> {
    const found = onlyUuids([id]).length ? await this.client.community.load(id) : null;
    if (!found) throw badInput(field, `No community with id "${id}" in the directory`);
    return { communityId: found.communityId, adminPcode: found.adminPcode, admin1Pcode: found.admin1Pcode, countryCode: found.countryCode };
  }

  /** An admin area the directory knows, at one of `levels`. */
  async adminArea(field: string, pcode: string, levels: readonly number[]): Promise<AreaRef> {
    const found = PCODE_PATTERN.test(pcode) ? await this.client.adminArea.load(pcode) : null;
    if (!found) throw badInput(field, `No admin area with P-code "${pcode}" in the directory`);
    if (!levels.includes(found.level)) {
      throw badInput(field, `${pcode} is a level-${found.level} area; give a level-${levels.join(' or level-')} area`);
    }
    return found;
  }

  /** Several admin-1 areas (regions) at once, one lookup; `fieldOf(i)` names the offending one. */
  async regions(fieldOf: (i: number) => string, pcodes: readonly string[]): Promise<AreaRef[]> {
    const found = await this.client.adminArea.loadMany(pcodes.map((p) => p));
    return found.map((area, i) => {
      if (area instanceof Error) throw area;
      if (!area) throw badInput(fieldOf(i), `No admin area with P-code "${pcodes[i]}" in the directory`);
      if (area.level !== 1) throw badInput(fieldOf(i), `${pcodes[i]} is a level-${area.level} area; a region of origin is a level-1 area`);
      return area;
    });
  }

  /** A venue: a community (its area from the directory) or an admin area of level 1 or 2. */
  async venue(field: string, input: { community?: string | null; adminArea?: string | null }): Promise<Venue> {
    if (given(input.community) && given(input.adminArea))
      throw badInput(`${field}.adminArea`, 'Give the community or the admin area of the venue, not both');
    if (given(input.community)) return this.community(`${field}.community`, input.community);
    if (!given(input.adminArea)) throw badInput(`${field}.community`, 'Give the community or the admin area of the venue');
    const area = await this.adminArea(`${field}.adminArea`, input.adminArea, [1, 2]);
    return {
      communityId: null,
      adminPcode: area.pcode,
      admin1Pcode: area.level === 1 ? area.pcode : await this.admin1Of(area.pcode),
      countryCode: area.countryCode,
    };
  }

  /**
   * The level-1 area above a P-code: OCHA P-codes of an area start with its parent's, so it is the
   * prefix the directory knows at level 1 (one batched lookup of every prefix).
   */
  private async admin1Of(pcode: string): Promise<string> {
    const prefixes = Array.from({ length: pcode.length - 3 }, (_, n) => pcode.slice(0, n + 3));
    const areas = await this.client.adminArea.loadMany(prefixes);
    const region = areas.find((a): a is AreaRef => Boolean(a) && !(a instanceof Error) && a!.level === 1);
    if (!region) throw new Error(`The directory knows no level-1 area above ${pcode}`);
    return region.pcode;
  }

  /** ISO 639-3 codes the directory knows; unknown ones are refused on `field`. */
  async languages(field: string, codes: readonly string[]): Promise<void> {
    const unique = [...new Set(codes)];
    const found = await this.client.language.loadMany(unique);
    const unknown = unique.filter((_, i) => !found[i] || found[i] instanceof Error);
    if (unknown.length) throw badInput(field, `Unknown ISO 639-3 language code${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);
  }

  /** Organisations of the directory (one batched lookup), refused one by one on `fieldOf(i)`. */
  async organisations(fieldOf: (i: number) => string, ids: readonly string[]): Promise<void> {
    const found = await this.client.organisation.loadMany([...ids]);
    const failed = found.find((f) => f instanceof Error);
    if (failed) throw failed;
    const missing = found.findIndex((f) => !f);
    if (missing >= 0) throw badInput(fieldOf(missing), `No organisation with id "${ids[missing]}" in the directory`);
  }
}
