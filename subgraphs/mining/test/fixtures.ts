import { ok } from '@peacegraph/kit/testing';
import { addDays, today } from '@peacegraph/kit/input';
import { COMMUNITIES, OWNER, type MiningUnderTest } from './support';

/** A request that must succeed: its data, or the test fails with the errors (the kit's). */
export { ok };

type Client = MiningUnderTest['owner'];

/** A date `n` days before today. */
export function daysAgo(n: number): string {
  return addDays(today(), -n);
}

export interface Instrument {
  id: string;
  version: number;
  /** Provision ids by article. */
  articles: Record<string, string>;
}

/** An instrument with provisions of the given articles (topic by article, titles made up). */
export async function instrument(client: Client, input: Record<string, unknown>, articles: [string, string][]): Promise<Instrument> {
  const { createLegalInstrument } = await ok<{ createLegalInstrument: { id: string; version: number } }>(
    client,
    `mutation ($input: CreateLegalInstrumentInput!) { createLegalInstrument(input: $input) { id version } }`,
    { input },
  );
  const ids: Record<string, string> = {};
  for (const [article, topic] of articles) {
    const { addProvision } = await ok<{ addProvision: { id: string } }>(
      client,
      `mutation ($input: AddProvisionInput!) { addProvision(input: $input) { id } }`,
      {
        input: { instrument: createLegalInstrument.id, article, title: `Provision of article ${article}`, topic },
      },
    );
    ids[article] = addProvision.id;
  }
  return { ...createLegalInstrument, articles: ids };
}

export const EMMMDA_INPUT = {
  title: 'ECOWAS Model Mining and Mineral Development Act',
  shortTitle: 'EMMMDA',
  kind: 'REGIONAL_MODEL_LAW',
  year: 2019,
};
export const EMMMDA_ARTICLES: [string, string][] = [
  ['36', 'COMMUNITY_DEVELOPMENT_AGREEMENTS'],
  ['41', 'LAND_ACCESS_AND_COMPENSATION'],
  ['25', 'ARTISANAL_AND_SMALL_SCALE_MINING'],
  ['70', 'REVENUE_TRANSPARENCY'],
  ['78', 'GRIEVANCE_MECHANISMS'],
];

export async function site(client: Client, input: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
  const { createMiningSite } = await ok<{ createMiningSite: { id: string; version: number } }>(
    client,
    `mutation ($input: CreateMiningSiteInput!) { createMiningSite(input: $input) { id version } }`,
    { input: { name: 'Kalana gold-panning area', community: COMMUNITIES.Kalana, kind: 'ARTISANAL', minerals: ['GOLD'], ...input } },
  );
  return createMiningSite;
}

export const LEADERS_AND_WOMEN = [
  { stakeholderGroup: 'COMMUNITY_LEADERS', women: 3, men: 14 },
  { stakeholderGroup: 'RELIGIOUS_LEADERS', women: 0, men: 8 },
  { stakeholderGroup: 'WOMEN', women: 12, men: 0 },
  { stakeholderGroup: 'YOUTH', women: 6, men: 9 },
];

export async function training(client: Client, input: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const { recordMiningTraining } = await ok<{ recordMiningTraining: { id: string; version: number } }>(
    client,
    `mutation ($input: RecordMiningTrainingInput!) { recordMiningTraining(input: $input) { id version } }`,
    {
      input: {
        title: 'The mining act for community leaders',
        kind: 'ADVOCACY',
        startsOn: daysAgo(40),
        endsOn: daysAgo(39),
        community: COMMUNITIES.Kalana,
        trainers: [OWNER],
        participants: { byGroup: LEADERS_AND_WOMEN },
        ...input,
      },
    },
  );
  return recordMiningTraining;
}
