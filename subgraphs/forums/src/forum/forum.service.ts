import { badInput } from '@peacegraph/kit/errors';
import { given, Problems, optionalName, requiredName, notNull, isoDate, type ReferenceChecks } from '@peacegraph/kit/input';
import { requireOwner, type Partner } from '@peacegraph/kit/policy';
import { type RecordWrites } from '@peacegraph/kit/writes';
import type { EntityManager } from 'typeorm';
import type { CreateForumInput, ForumParticipantsInput, UpdateForumInput } from '../generated/resolvers';
import { givenFields } from '../common/audit-fields';
import { LIMITS } from '../common/limits';
import type { Loaders } from '../loaders';
import type { Repositories } from '../repositories';
import { regionsOfOrigin, venue as venueOf } from '../common/places';
import { PARTICIPANT_CATEGORIES, type ForumScope, type ParticipantCategory } from '../common/values';
import { ForumSchema, type Forum } from './forum.entity';
import { countriesOf, distinct, forumDates, participantCount } from './forum.rules';

/** The caller's own forum, or BAD_USER_INPUT on `field` (unknown) / FORBIDDEN (another organisation's). */
export async function ownForum(loaders: Loaders, writer: Partner, field: string, id: string): Promise<Forum> {
  const forum = await loaders.forum.load(id);
  if (!forum) throw badInput(field, `No forum with id "${id}"`);
  requireOwner(writer, forum.ownerOrg, `Forum ${id}`);
  return forum;
}

/** Recording forums and their participants: validated first, then one transaction with its audit row. */
export class ForumService {
  constructor(
    private readonly repositories: Repositories,
    private readonly loaders: Loaders,
    private readonly directory: ReferenceChecks,
    private readonly writes: RecordWrites,
  ) {}

  async create(input: CreateForumInput): Promise<Forum> {
    return this.writes.once(ForumSchema, input.clientMutationId, async (writer) => {
      const problems = new Problems();
      const place = await problems.check('input.venue', () => venueOf(this.directory, 'input.venue', input.venue));
      const {
        title,
        dates: { startsOn, endsOn },
        venue,
        venueName,
        convenors: { convenorIds, coConvenorIds },
        countriesRepresented,
      } = problems.done({
        title: problems.check('input.title', () => requiredName('input.title', input.title, 'The title', LIMITS.title)),
        dates: problems.check('input.endsOn', () => forumDates(isoDate(input.startsOn), isoDate(input.endsOn), 'input.endsOn')),
        venue: place,
        venueName: problems.check('input.venue.name', () =>
          optionalName('input.venue.name', input.venue.name, "The venue's name", LIMITS.name),
        ),
        convenors: await problems.check('input.convenors', () => this.convenors(input.convenors, input.coConvenors ?? [])),
        countriesRepresented: place
          ? problems.check('input.countriesRepresented', () =>
              countriesOf(input.scope, place.countryCode, input.countriesRepresented ?? []),
            )
          : undefined,
      });
      return this.writes.create(
        writer,
        { title, scope: input.scope, startsOn, endsOn, venueName, ...venue, convenorIds, coConvenorIds, countriesRepresented },
        input.clientMutationId,
        { schema: ForumSchema, recordType: 'Forum', operation: 'createForum', fields: givenFields(input) },
      );
    });
  }

  async update(id: string, version: number, input: UpdateForumInput): Promise<Forum> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.forum.load(id), 'Forum', id, version);
    const changes = await this.checkChange(current, input);
    return this.writes.update(current, version, changes, {
      schema: ForumSchema,
      recordType: 'Forum',
      operation: 'updateForum',
      fields: givenFields(input),
    });
  }

  /** Replaces the participant counts; the forum's version goes up. */
  async recordParticipants(id: string, version: number, input: ForumParticipantsInput): Promise<Forum> {
    const writer = this.writes.writer();
    const current = this.writes.editable(writer, await this.loaders.forum.load(id), 'Forum', id, version);
    const { groups, origins, regions } = await this.checkParticipants(current, input);
    const who = { forumId: id, ownerOrg: current.ownerOrg, createdBy: writer.subject };
    const kept = groups.filter((g) => g.women + g.men > 0).map((g) => ({ ...who, ...g }));
    const fromRegions = origins.map((o, i) => ({
      ...who,
      regionPcode: regions[i]!.adminPcode,
      countryCode: regions[i]!.countryCode,
      participants: o.participants,
    }));
    const replace = (manager: EntityManager) => this.repositories.forums.replaceParticipants(manager, id, kept, fromRegions);
    return this.writes.update(
      current,
      version,
      {},
      {
        schema: ForumSchema,
        recordType: 'Forum',
        operation: 'recordForumParticipants',
        fields: givenFields(input),
        after: replace,
      },
    );
  }

  /**
   * Every problem of a forum's participants at once, before anything is written: each group and each
   * region of origin, then the regions in the directory and the forum's countries, then the totals
   * (when every count they add up is a count).
   */
  private async checkParticipants(current: Forum, input: ForumParticipantsInput) {
    const problems = new Problems();
    const seen = new Set<string>();
    const groups = input.groups.map((group, i) => {
      problems.check(`input.groups.${i}.category`, () => {
        if (!PARTICIPANT_CATEGORIES.includes(group.category))
          throw badInput(`input.groups.${i}.category`, `Unknown category ${group.category}`);
        if (seen.has(group.category)) throw badInput(`input.groups.${i}.category`, `${group.category} is listed twice`);
        seen.add(group.category);
      });
      return {
        category: group.category,
        women: problems.check(`input.groups.${i}.women`, () => participantCount(`input.groups.${i}.women`, group.women)),
        men: problems.check(`input.groups.${i}.men`, () => participantCount(`input.groups.${i}.men`, group.men)),
      };
    });
    const origins = input.origins ?? [];
    origins.forEach((origin, i) => {
      if (!Number.isInteger(origin.participants) || origin.participants < 1 || origin.participants > LIMITS.participants)
        problems.add(`input.origins.${i}.participants`, `Give a whole number from 1 to ${LIMITS.participants}`);
      if (origins.findIndex((o) => o.region === origin.region) !== i)
        problems.add(`input.origins.${i}.region`, `${origin.region} is listed twice`);
    });
    const regions = await problems.check('input.origins', () =>
      regionsOfOrigin(
        this.directory,
        (i) => `input.origins.${i}.region`,
        origins.map((o) => o.region),
      ),
    );
    regions?.forEach((region, i) => {
      if (!current.countriesRepresented.includes(region.countryCode)) {
        problems.add(
          `input.origins.${i}.region`,
          `${region.adminPcode} is in ${region.countryCode}, which is not among the forum's countries (${current.countriesRepresented.join(', ')})`,
        );
      }
    });
    const counted = !problems.has('input.groups') && origins.every((_, i) => !problems.has(`input.origins.${i}.participants`));
    if (counted) {
      const total = groups.reduce((sum, g) => sum + g.women! + g.men!, 0);
      const fromRegions = origins.reduce((sum, o) => sum + o.participants, 0);
      if (fromRegions > total)
        problems.add(
          'input.origins',
          `The regions of origin add up to ${fromRegions} participants, more than the ${total} counted by category`,
        );
    }
    problems.throwIfAny();
    return { groups: groups as { category: ParticipantCategory; women: number; men: number }[], origins, regions: regions! };
  }

  /**
   * Every problem of a change at once, before anything is written: the columns that change. The
   * directory and the forum's records are asked after the rules that need neither, as for a new forum.
   */
  private async checkChange(current: Forum, input: UpdateForumInput): Promise<Partial<Forum>> {
    const problems = new Problems();
    // What a forum always has is refused first when removed: the rules below build on it.
    for (const [field, what] of [
      ['title', 'The title'],
      ['scope', 'The scope'],
      ['startsOn', 'The first day'],
      ['endsOn', 'The last day'],
      ['venue', 'The venue'],
      ['convenors', 'The convenors'],
    ] as const) {
      problems.check(`input.${field}`, () => notNull(`input.${field}`, input[field], what));
    }
    problems.throwIfAny();
    const { title, startsOn, endsOn, venue, convenors, coConvenors } = input;
    const changes: Partial<Forum> = {};
    if (given(title)) changes.title = problems.check('input.title', () => requiredName('input.title', title, 'The title', LIMITS.title));
    const scope = input.scope ?? current.scope;
    if (scope !== current.scope) changes.scope = scope;
    const dateField = given(endsOn) ? 'input.endsOn' : 'input.startsOn';
    const dates =
      given(startsOn) || given(endsOn)
        ? problems.check(dateField, () =>
            forumDates(given(startsOn) ? isoDate(startsOn) : current.startsOn, given(endsOn) ? isoDate(endsOn) : current.endsOn, dateField),
          )
        : undefined;
    if (given(venue) && venue.name !== undefined)
      changes.venueName = problems.check('input.venue.name', () =>
        optionalName('input.venue.name', venue.name, "The venue's name", LIMITS.name),
      );
    const place = given(venue) ? await problems.check('input.venue', () => venueOf(this.directory, 'input.venue', venue)) : undefined;
    if (place)
      Object.assign(changes, {
        communityId: place.communityId,
        adminPcode: place.adminPcode,
        admin1Pcode: place.admin1Pcode,
        countryCode: place.countryCode,
      });
    if (given(convenors) || coConvenors !== undefined) {
      const named = await problems.check('input.convenors', () =>
        this.convenors(convenors ?? current.convenorIds, coConvenors ?? (coConvenors === null ? [] : current.coConvenorIds)),
      );
      Object.assign(changes, named);
    }
    if (dates) {
      await this.checkRecordedDates(problems, current.id, dates);
      Object.assign(changes, dates);
    }
    // A new venue or scope can change the countries: the host country stays first, delegations are kept
    // unless a new list is given. A venue the directory refused has no country to check them against.
    const refusedVenue = given(venue) && !place;
    if ((input.countriesRepresented !== undefined || given(venue) || changes.scope !== undefined) && !refusedVenue) {
      const delegations = input.countriesRepresented ?? current.countriesRepresented.filter((c) => c !== current.countryCode);
      const host = (place ?? current).countryCode;
      changes.countriesRepresented = await problems.check('input.countriesRepresented', () =>
        this.representedCountries(current.id, scope, host, delegations),
      );
    }
    return problems.done(changes);
  }

  /** The forum's testimonies and declarations stay within its dates. */
  private async checkRecordedDates(problems: Problems, id: string, dates: { startsOn: string; endsOn: string }): Promise<void> {
    const recorded = await this.repositories.forums.recordedDates(id);
    const earliest = [recorded.firstTestimony, recorded.firstAdoption].filter((d): d is string => d !== null).sort()[0];
    if (earliest && earliest < dates.startsOn)
      problems.add('input.startsOn', `${dates.startsOn} is after a testimony or declaration of the forum (${earliest})`);
    if (recorded.lastTestimony && recorded.lastTestimony > dates.endsOn)
      problems.add('input.endsOn', `${dates.endsOn} is before a testimony given at the forum (${recorded.lastTestimony})`);
  }

  /** A changed forum's countries, which keep those its participants and speakers came from. */
  private async representedCountries(id: string, scope: ForumScope, host: string, delegations: readonly string[]): Promise<string[]> {
    const countries = countriesOf(scope, host, delegations);
    const regions = await this.repositories.forums.regionsRecorded(id);
    const stranded = regions.find((pcode) => !countries.includes(pcode.slice(0, 2)));
    if (stranded) {
      throw badInput(
        'input.countriesRepresented',
        `Participants or speakers of this forum come from ${stranded}: ${stranded.slice(0, 2)} stays among the countries represented`,
      );
    }
    return countries;
  }

  private async convenors(
    convenors: readonly string[],
    coConvenors: readonly string[],
  ): Promise<{ convenorIds: string[]; coConvenorIds: string[] }> {
    if (convenors.length === 0) throw badInput('input.convenors', 'A forum has at least one convenor');
    const convenorIds = distinct('input.convenors', convenors, LIMITS.convenors, 'convenors');
    const coConvenorIds = distinct('input.coConvenors', coConvenors, LIMITS.convenors, 'co-convenors');
    coConvenorIds.forEach((id, i) => {
      if (convenorIds.includes(id)) throw badInput(`input.coConvenors.${i}`, `${id} is already a convenor`);
    });
    await this.directory.organisations((i) => `input.convenors.${i}`, convenorIds);
    await this.directory.organisations((i) => `input.coConvenors.${i}`, coConvenorIds);
    return { convenorIds, coConvenorIds };
  }
}
