import { badInput } from '../errors/errors';
import { createDirectoryClient, type CommunityPlace, type DirectoryClient } from './directory-client';
import { onlyUuids } from '../sql/loaders';
import { PCODE_PATTERN } from '../server/scalars';

/** An admin area as the directory knows it. */
export interface AreaRef {
  adminPcode: string;
  adminLevel: number;
  countryCode: string;
}

/** An admin area as the directory knows it, with its region (level 1). */
export interface AreaLocation extends AreaRef {
  admin1Pcode: string;
}

/**
 * The field a refusal names for the i-th of several keys: a list field, whose items are `field.2`, or
 * a function naming each key's own field (`() => 'input.operator'` for a single key).
 */
export type KeyFields = string | ((i: number) => string);

const fieldOf = (fields: KeyFields, i: number) => (typeof fields === 'string' ? `${fields}.${i}` : fields(i));

/**
 * What a domain checks against the directory at write time: communities (and where they lie), admin
 * areas, languages and organisations. Only keys and where they lie are kept by the domain; the
 * directory owns names. Each check of several keys is one batched `_entities` request. One instance
 * per request, so its caches never outlive the request.
 */
export class ReferenceChecks {
  constructor(private readonly client: DirectoryClient) {}

  static at(directoryUrl: string): ReferenceChecks {
    return new ReferenceChecks(createDirectoryClient(directoryUrl));
  }

  /** The community and where it lies, or BAD_USER_INPUT on `field`. */
  async community(field: string, id: string): Promise<CommunityPlace> {
    const [place] = await this.communities(() => field, [id]);
    return place!;
  }

  /** Communities and where they lie; the first unknown one is refused on its field. */
  async communities(fields: KeyFields, ids: readonly string[]): Promise<CommunityPlace[]> {
    // A malformed id cannot be a community: it is refused without asking.
    const found = await Promise.all(ids.map((id) => (onlyUuids([id]).length ? this.client.community.load(id) : null)));
    const unknown = found.findIndex((c) => !c);
    if (unknown >= 0) throw badInput(fieldOf(fields, unknown), `No community with id "${ids[unknown]}" in the directory`);
    return found as CommunityPlace[];
  }

  /** Organisations of the directory; the first unknown one is refused on its field. */
  async organisations(fields: KeyFields, ids: readonly string[]): Promise<string[]> {
    const known = await this.client.organisation.loadMany([...ids]);
    const failed = known.find((k) => k instanceof Error);
    if (failed) throw failed;
    const unknown = known.findIndex((k) => !k);
    if (unknown >= 0) throw badInput(fieldOf(fields, unknown), `No organisation with id "${ids[unknown]}" in the directory`);
    return [...ids];
  }

  /** An ISO 639-3 code the directory knows. */
  async language(field: string, code: string): Promise<string> {
    await this.languages(field, [code]);
    return code;
  }

  /** ISO 639-3 codes the directory knows; the unknown ones are refused together on `field`. */
  async languages(field: string, codes: readonly string[]): Promise<string[]> {
    const unique = [...new Set(codes)];
    const found = await this.client.language.loadMany(unique);
    const failed = found.find((f) => f instanceof Error);
    if (failed) throw failed;
    const unknown = unique.filter((_, i) => !found[i]);
    if (unknown.length) throw badInput(field, `Unknown ISO 639-3 language code${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);
    return [...codes];
  }

  /** An admin area of the directory, at one of `levels` when they are given; its region is not looked up. */
  async area(field: string, pcode: string, levels?: readonly number[]): Promise<AreaRef> {
    const area = PCODE_PATTERN.test(pcode) ? await this.client.adminArea.load(pcode) : null;
    if (!area) throw badInput(field, `No admin area with P-code "${pcode}" in the directory`);
    if (levels && !levels.includes(area.level))
      throw badInput(field, `${pcode} is a level-${area.level} area; give a level-${levels.join(' or level-')} area`);
    return { adminPcode: area.pcode, adminLevel: area.level, countryCode: area.countryCode };
  }

  /** An admin area of the directory (at one of `levels` when given) and its region: below level 1, a second request. */
  async adminArea(field: string, pcode: string, levels?: readonly number[]): Promise<AreaLocation> {
    const area = await this.area(field, pcode, levels);
    if (area.adminLevel === 1) return { ...area, admin1Pcode: area.adminPcode };
    // OCHA P-codes of children start with their parent's: the region is the level-1 prefix.
    const prefixes = Array.from({ length: pcode.length - 3 }, (_, i) => pcode.slice(0, i + 3));
    const parents = await this.client.adminArea.loadMany(prefixes);
    const region = parents.find(
      (p): p is NonNullable<typeof p> & { level: number; pcode: string } => !!p && !(p instanceof Error) && p.level === 1,
    );
    if (!region) throw new Error(`The directory knows no level-1 area above ${pcode}`);
    return { ...area, admin1Pcode: region.pcode };
  }

  /** Admin areas of the directory; the first unknown one is refused by its position (`field.2`). */
  async adminAreas(field: string, pcodes: readonly string[]): Promise<AreaLocation[]> {
    const found: AreaLocation[] = [];
    for (const [i, pcode] of pcodes.entries()) found.push(await this.adminArea(`${field}.${i}`, pcode));
    return found;
  }

  /**
   * Regions (level-1 areas) of the directory; the first unknown or lower-level one is refused on its
   * field, the latter in the words `wrongLevel` gives.
   */
  async regions(
    fields: KeyFields,
    pcodes: readonly string[],
    wrongLevel = (pcode: string, level: number) => `${pcode} is an admin level ${level} area: name the region (level 1) it lies in`,
  ): Promise<AreaLocation[]> {
    const areas = await this.client.adminArea.loadMany(pcodes.map((p) => (PCODE_PATTERN.test(p) ? p : 'XX0')));
    return pcodes.map((pcode, i) => {
      const area = areas[i];
      if (area instanceof Error) throw area;
      if (!area) throw badInput(fieldOf(fields, i), `No admin area with P-code "${pcode}" in the directory`);
      if (area.level !== 1) throw badInput(fieldOf(fields, i), wrongLevel(pcode, area.level));
      return { adminPcode: area.pcode, adminLevel: 1, admin1Pcode: area.pcode, countryCode: area.countryCode };
    });
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
