import type { DataSource } from 'typeorm';
import { ReferenceChecks, addDays, today } from '@peacegraph/kit/input';
import { demoSeeder, seedOnce } from '@peacegraph/kit/sql';
import { createContextFactory, type MiningContext } from '../context';
import type { LegalInstrument } from '../legal-instrument/legal-instrument.entity';
import {
  CAMPAIGN,
  COMMUNITIES,
  DEMO_CONSULTATIONS,
  DEMO_DIALOGUE,
  DEMO_MEDIA,
  DEMO_PUBLICATIONS,
  DEMO_SITES,
  DEMO_TRAININGS,
  EMMMDA,
  EMMMDA_PROVISIONS,
  MALI_CODE,
  MALI_CODE_PROVISIONS,
  WACSMF,
  type DemoProvision,
} from './demo-data';

const daysAgo = (days: number) => addDays(today(), -days);

type Articles = Map<string, string>;

/**
 * Loads the demo mining-code work once per database, through the same services as partners' writes
 * (so demo data obeys every rule real data does), checking communities, organisations, languages and
 * admin areas against the directory. Every create carries a clientMutationId and every status change
 * looks first, so an interrupted load can run again.
 */
export function seedDemoData(dataSource: DataSource, directoryUrl: string): Promise<boolean> {
  return seedOnce(dataSource, 'mining-demo-v1', async () => {
    // The demo loader acts as the forum's own staff, and its writes are audited like anyone's.
    const { viewer: seeder, audit } = demoSeeder(dataSource, WACSMF, ['mining:write']);
    const context = await createContextFactory(dataSource, directoryUrl)(seeder, audit);

    const emmmda = await seedInstrument(context, 'emmmda', EMMMDA, EMMMDA_PROVISIONS);
    const maliCode = await seedInstrument(context, 'mali-code', MALI_CODE, MALI_CODE_PROVISIONS);
    const instruments = { EMMMDA: emmmda, MALI_CODE: maliCode };

    const sites = new Map<string, string>();
    for (const { key, community, ...site } of DEMO_SITES) {
      const created = await context.sites.create({ ...site, community: COMMUNITIES[community], clientMutationId: `demo:site:${key}` });
      sites.set(key, created.id);
    }

    for (const consultation of DEMO_CONSULTATIONS) {
      await context.consultations.record({
        community: COMMUNITIES[consultation.community],
        site: sites.get(consultation.site)!,
        heldOn: daysAgo(consultation.heldDaysAgo),
        participants: { byGroup: consultation.participants },
        challenges: consultation.challenges,
        notes: consultation.notes,
        clientMutationId: `demo:consultation:${consultation.community}`,
      });
    }

    for (const training of DEMO_TRAININGS) {
      const instrument = instruments[training.instrument];
      await context.trainings.record({
        title: training.title,
        kind: training.kind,
        startsOn: daysAgo(training.startedDaysAgo),
        endsOn: daysAgo(training.startedDaysAgo - training.days + 1),
        community: COMMUNITIES[training.community],
        site: training.site ? sites.get(training.site)! : null,
        venue: training.venue,
        trainers: training.trainers,
        instrument: instrument.id,
        provisions: training.articles.map((a) => instrument.articles.get(a)!),
        ecpfComponents: training.ecpfComponents,
        participants: { byGroup: training.participants },
        knowledgeAssessment: training.knowledge ?? null,
        clientMutationId: `demo:training:${training.key}`,
      });
    }

    await seedDialogue(context, emmmda.articles);

    for (const media of DEMO_MEDIA) {
      await context.media.record({
        kind: media.kind,
        outlet: media.outlet,
        title: media.title,
        campaign: CAMPAIGN,
        language: media.language,
        releasedOn: daysAgo(media.releasedDaysAgo),
        airings: media.airings,
        regionsReached: media.regions,
        estimatedAudience: media.audience,
        instrument: emmmda.id,
        provisions: media.articles.map((a) => emmmda.articles.get(a)!),
        clientMutationId: `demo:media:${media.key}`,
      });
    }
    for (const publication of DEMO_PUBLICATIONS) {
      await context.media.recordPublication({
        title: publication.title,
        kind: 'BOOKLET',
        language: publication.language,
        publishedOn: daysAgo(publication.publishedDaysAgo),
        copiesPrinted: publication.printed,
        copiesDistributed: publication.distributed,
        instrument: emmmda.id,
        provisions: publication.articles.map((a) => emmmda.articles.get(a)!),
        clientMutationId: `demo:publication:${publication.key}`,
      });
    }
  });
}

async function seedInstrument(
  context: MiningContext,
  key: string,
  instrument: Pick<LegalInstrument, 'title' | 'shortTitle' | 'kind' | 'year'> & { country?: string },
  provisions: DemoProvision[],
): Promise<{ id: string; articles: Articles }> {
  const created = await context.instruments.create({ ...instrument, clientMutationId: `demo:instrument:${key}` });
  const articles: Articles = new Map();
  for (const provision of provisions) {
    const added = await context.instruments.addProvision({
      ...provision,
      instrument: created.id,
      clientMutationId: `demo:provision:${key}:${provision.article}`,
    });
    articles.set(provision.article, added.id);
  }
  return { id: created.id, articles };
}

async function seedDialogue(context: MiningContext, articles: Articles): Promise<void> {
  const heldOn = daysAgo(DEMO_DIALOGUE.heldDaysAgo);
  const dialogue = await context.dialogues.record({
    title: DEMO_DIALOGUE.title,
    level: DEMO_DIALOGUE.level,
    heldOn,
    venue: DEMO_DIALOGUE.venue,
    adminArea: DEMO_DIALOGUE.adminArea,
    convenedWith: DEMO_DIALOGUE.convenedWith,
    instrument: (await context.loaders.provision.load(articles.get('35')!))!.instrumentId,
    provisions: DEMO_DIALOGUE.articles.map((a) => articles.get(a)!),
    participants: { byGroup: DEMO_DIALOGUE.participants },
    commitments: DEMO_DIALOGUE.commitments.map(({ description, madeBy, dueInDays }) => ({
      description,
      madeBy,
      dueOn: dueInDays === undefined ? null : addDays(heldOn, dueInDays),
    })),
    clientMutationId: 'demo:dialogue:bamako',
  });
  const commitments = await context.loaders.commitmentsOfDialogue.load(dialogue.id);
  for (const plan of DEMO_DIALOGUE.commitments) {
    let commitment = commitments.find((c) => c.description === plan.description)!;
    for (const step of plan.steps) {
      // A rerun of an interrupted load finds the steps already taken.
      const history = await context.loaders.historyOfCommitment.load(commitment.id);
      if (history.some((h) => h.toStatus === step.status)) continue;
      commitment = await context.dialogues.changeStatus(commitment.id, commitment.version, {
        status: step.status,
        on: daysAgo(step.daysAgo),
        note: step.note,
      });
    }
  }
}

/** The directory the demo data asks about its communities, answering and holding its own demo data. */
export function directoryReady(directoryUrl: string) {
  return ReferenceChecks.ready(directoryUrl, COMMUNITIES.Kalana);
}
