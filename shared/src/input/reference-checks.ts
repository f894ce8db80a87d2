import { badInput } from '../errors';
import { createDirectoryClient, type DirectoryClient } from '../directory-client';
import { onlyUuids } from '../loaders';
import { PCODE_PATTERN } from '../scalars';

/** Where a community lies, as the directory says at write time: the keys a record stores. */
export interface CommunityLocation {
  communityId: string;
  /** The community's lowest known admin area; "in this area and below" is a P-code prefix. */
  adminPcode: string;
  /** Its level-1 area (region), for grouping figures by region. */
  admin1Pcode: string;
  /** Its level-2 area, when the community is known at level 2 or below. */
  admin2Pcode: string | null;
  countryCode: string;
}

/** An admin area as the directory knows it, with its region (level 1). */
export interface AreaLocation {
  adminPcode: string;
  adminLevel: number;
  admin1Pcode: string;
  countryCode: string;
}

/**
 * What a domain checks against the directory at write time: communities (and where they lie), admin
 * areas, languages and organisations. Only keys and where they lie are kept by the domain; the
 * directory owns names. One instance per request, so its caches never outlive the request.
 */
export class ReferenceChecks {
  constructor(private readonly client: DirectoryClient) {}

  static at(directoryUrl: string): ReferenceChecks {
    return new ReferenceChecks(createDirectoryClient(directoryUrl));
  }

  /** The community and where it lies, or BAD_USER_INPUT on `field`. */
  async community(field: string, id: string): Promise<CommunityLocation> {
    const community = onlyUuids([id]).length ? await this.client.community.load(id) : null;
    if (!community) throw badInput(field, `No community with id "${id}" in the directory`);
    return {
      communityId: community.id,
      adminPcode: community.adminPcode,
      admin1Pcode: community.admin1Pcode,
      admin2Pcode: community.admin2Pcode,
      countryCode: community.countryCode,
    };
  }

  /** Organisations of the directory; the first unknown one is refused by its position (`field.2`). */
  async organisations(field: string, ids: readonly string[], indexed = true): Promise<string[]> {
    const known = await this.client.organisation.loadMany([...ids]);
    const failed = known.find((k) => k instanceof Error);
    if (failed) throw failed;
    const unknown = known.findIndex((k) => !k);
    if (unknown >= 0) throw badInput(indexed ? `${field}.${unknown}` : field, `No organisation with id "${ids[unknown]}" in the directory`);
    return [...ids];
  }

  /** An ISO 639-3 code the directory knows. */
  async language(field: string, code: string): Promise<string> {
    const language = await this.client.language.load(code);
    if (!language) throw badInput(field, `Unknown ISO 639-3 language code: ${code}`);
    return language.code;
  }

  /** An admin area of the directory (any level) and its region. */
  async adminArea(field: string, pcode: string): Promise<AreaLocation> {
    const area = PCODE_PATTERN.test(pcode) ? await this.client.adminArea.load(pcode) : null;
    if (!area) throw badInput(field, `No admin area with P-code "${pcode}" in the directory`);
    if (area.level === 1) return { adminPcode: area.pcode, adminLevel: 1, admin1Pcode: area.pcode, countryCode: area.countryCode };
    // OCHA P-codes of children start with their parent's: the region is the level-1 prefix.
    const prefixes = Array.from({ length: pcode.length - 3 }, (_, i) => pcode.slice(0, i + 3));
    const parents = await this.client.adminArea.loadMany(prefixes);
    const region = parents.find(
      (p): p is NonNullable<typeof p> & { level: number; pcode: string } => !!p && !(p instanceof Error) && p.level === 1,
    );
    if (!region) throw new Error(`The directory knows no level-1 area above ${pcode}`);
    return { adminPcode: area.pcode, adminLevel: area.level, admin1Pcode: region.pcode, countryCode: area.countryCode };
  }

  /** Admin areas of the directory; the first unknown one is refused by its position (`field.2`). */
  async adminAreas(field: string, pcodes: readonly string[]): Promise<AreaLocation[]> {
    const found: AreaLocation[] = [];
    for (const [i, pcode] of pcodes.entries()) found.push(await this.adminArea(`${field}.${i}`, pcode));
    return found;
  }

  /** Regions (level-1 areas) of the directory; the first unknown or lower-level one is refused by position. */
  async regions(field: string, pcodes: readonly string[]): Promise<string[]> {
    const areas = await this.client.adminArea.loadMany(pcodes.map((p) => (PCODE_PATTERN.test(p) ? p : 'XX0')));
    pcodes.forEach((pcode, i) => {
      const area = areas[i];
      if (area instanceof Error) throw area;
      if (!area) throw badInput(`${field}.${i}`, `No admin area with P-code "${pcode}" in the directory`);
      if (area.level !== 1)
        throw badInput(`${field}.${i}`, `${pcode} is an admin level ${area.level} area: name the region (level 1) it lies in`);
    });
    return [...pcodes];
  }

  /**
   * Whether the directory answers and holds the given demo community: demo loaders wait for it rather
   * than fail a migration when the directory is not up yet.
   */
  static async ready(directoryUrl: string, communityId: string): Promise<'ready' | 'unreachable' | 'no demo communities'> {
    const found = await createDirectoryClient(directoryUrl, { timeoutMs: 3000 })
      .community.load(communityId)
      .catch(() => undefined);
    if (found === undefined) return 'unreachable';
    return found ? 'ready' : 'no demo communities';
  }
}
