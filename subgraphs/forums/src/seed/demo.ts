import type { DataSource } from 'typeorm';
import { createDirectoryClient, type DirectoryClient, ReferenceChecks } from '@peacegraph/kit/input';
import { demoSeeder, seedOnce } from '@peacegraph/kit/sql';
import { createContextFactory, type ForumsContext } from '../context';
import type { ParticipantCategory } from '../common/values';
import { DEMO_FORUMS, DEMO_OWNER_ORGANISATION_ID, DOUENTZA_POSITION, demoCommunityId, type DemoForum } from './demo-data';

/**
 * One forum with everything recorded about it. Every record has a clientMutationId, so a load
 * interrupted half-way returns what it created before; later steps (publication, follow-ups) are taken
 * only on records still in their first state, which keeps the load idempotent.
 */
async function loadForum(context: () => Promise<ForumsContext>, forum: DemoForum): Promise<void> {
  const id = (name: string) => `demo:${forum.key}:${name}`;
  let ctx = await context();
  let created = await ctx.forums.create({
    title: forum.title,
    scope: forum.scope,
    startsOn: forum.startsOn,
    endsOn: forum.endsOn,
    venue: forum.venue,
    convenors: forum.convenors,
    coConvenors: forum.coConvenors,
    countriesRepresented: forum.countriesRepresented,
    clientMutationId: id('forum'),
  });
  if (created.version === 1) {
    created = await ctx.forums.recordParticipants(created.id, created.version, {
      groups: Object.entries(forum.participants).map(([category, [women, men]]) => ({
        category: category as ParticipantCategory,
        women,
        men,
      })),
      origins: forum.origins,
    });
  }
  const groups = new Map<string, string>();
  for (const [n, group] of forum.workingGroups.entries()) {
    const saved = await ctx.workingGroups.add({ forum: created.id, ...group, clientMutationId: id(`group:${n}`) });
    groups.set(group.topic, saved.id);
  }
  for (const testimony of forum.testimonies) {
    const saved = await ctx.testimonies.record({
      forum: created.id,
      workingGroup: testimony.topic ? groups.get(testimony.topic) : null,
      language: testimony.language,
      text: testimony.text,
      speakerRole: testimony.speakerRole,
      speakerAgeGroup: testimony.speakerAgeGroup,
      speakerRegion: testimony.speakerRegion,
      givenOn: testimony.givenOn,
      consentToPublish: testimony.consent,
      clientMutationId: id(`testimony:${testimony.key}`),
    });
    if (testimony.publishedOn && !saved.publishedOn)
      await ctx.testimonies.publish(saved.id, saved.version, { publishedOn: testimony.publishedOn });
  }
  const { declaration } = forum;
  const adopted = await ctx.declarations.create({
    forum: created.id,
    language: 'fra',
    title: declaration.title,
    text: declaration.fr,
    adoptedOn: declaration.adoptedOn,
    translations: declaration.en && declaration.titleEn ? [{ language: 'eng', title: declaration.titleEn, text: declaration.en }] : [],
    drafters: declaration.drafters,
    recipients: declaration.recipients,
    clientMutationId: id('declaration'),
  });
  const recommendations = [];
  for (const [n, recommendation] of declaration.recommendations.entries()) {
    recommendations.push({
      plan: recommendation,
      saved: await ctx.recommendations.add({
        declaration: adopted.id,
        theme: recommendation.theme,
        addressee: recommendation.addressee,
        addresseeName: recommendation.addresseeName,
        addresseeOrganisation: recommendation.addresseeOrganisation,
        addressedArea: recommendation.addressedArea,
        addressedCommunity: recommendation.addressedCommunity,
        text: recommendation.fr,
        translations: [{ language: 'eng', text: recommendation.en }],
        clientMutationId: id(`recommendation:${n + 1}`),
      }),
    });
  }
  if (declaration.publishedOn && !adopted.publishedOn)
    await ctx.declarations.publish(adopted.id, adopted.version, { publishedOn: declaration.publishedOn });
  // Fresh loaders: publication changed the recommendations' versions.
  ctx = await context();
  for (const { plan, saved } of recommendations) {
    let current = (await ctx.loaders.recommendation.load(saved.id))!;
    if (current.status !== 'PENDING') continue;
    for (const followUp of plan.followUps) current = await ctx.recommendations.recordFollowUp(current.id, current.version, followUp);
  }
}

/**
 * Loads the demo forums once per database, through the services: demo data obeys every rule real data
 * does, and its writes are audited like anyone's.
 */
export function seedDemoData(dataSource: DataSource, directoryUrl: string, options: { client?: DirectoryClient } = {}): Promise<boolean> {
  return seedOnce(dataSource, 'forums-demo-v1', async () => {
    // One directory client for the whole load: it asks about the same few places again and again.
    const client = options.client ?? createDirectoryClient(directoryUrl);
    const factory = createContextFactory(dataSource, { url: directoryUrl, client: () => client });
    // The demo loader acts as the fund's own staff, through the same services and rules as partners.
    const { viewer: seeder, audit } = demoSeeder(dataSource, DEMO_OWNER_ORGANISATION_ID, ['forums:write']);
    for (const forum of DEMO_FORUMS) await loadForum(() => factory(seeder, audit), forum);
  });
}

/** The directory the demo data asks about its places, answering and holding its own demo data. */
export function directoryReady(directoryUrl: string) {
  return ReferenceChecks.ready(directoryUrl, demoCommunityId(DOUENTZA_POSITION));
}
