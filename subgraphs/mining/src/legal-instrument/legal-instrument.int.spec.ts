import { EMMMDA_ARTICLES, EMMMDA_INPUT, instrument, ok, type Instrument } from '../../test/fixtures';
import { OTHER_PARTNER, OWNER, startMining, type MiningUnderTest } from '../../test/support';

let mining: MiningUnderTest;
let emmmda: Instrument;
let mali: Instrument;
beforeAll(async () => {
  mining = await startMining();
  emmmda = await instrument(mining.owner, EMMMDA_INPUT, [
    ...EMMMDA_ARTICLES,
    ['36 bis', 'COMMUNITY_DEVELOPMENT_AGREEMENTS'],
    ['8', 'LICENSING'],
  ]);
  mali = await instrument(mining.owner, { title: 'Mining Code of Mali', kind: 'NATIONAL_MINING_CODE', country: 'ML', year: 2023 }, [
    ['57', 'COMMUNITY_DEVELOPMENT_AGREEMENTS'],
  ]);
});
afterAll(() => mining.stop());

type Edges<T> = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: T }[] };

describe('legal instruments and provisions (PUBLIC reference material)', () => {
  it('shows anyone an instrument with its provisions by article number', async () => {
    const { legalInstrument } = await ok<{ legalInstrument: unknown }>(
      mining.request,
      `query ($id: ID!) { legalInstrument(id: $id) { title shortTitle kind country { code } year provisionCount
        provisions { article title topic instrument { shortTitle } } cdas: provisions(topic: COMMUNITY_DEVELOPMENT_AGREEMENTS) { article } recordedBy { id } version } }`,
      { id: emmmda.id },
    );
    expect(legalInstrument).toEqual({
      title: 'ECOWAS Model Mining and Mineral Development Act',
      shortTitle: 'EMMMDA',
      kind: 'REGIONAL_MODEL_LAW',
      country: null,
      year: 2019,
      provisionCount: 7,
      provisions: ['8', '25', '36', '36 bis', '41', '70', '78'].map((article) => ({
        article,
        title: `Provision of article ${article}`,
        topic: expect.any(String),
        instrument: { shortTitle: 'EMMMDA' },
      })),
      cdas: [{ article: '36' }, { article: '36 bis' }],
      recordedBy: { id: OWNER },
      version: 1,
    });
  });

  it('lists instruments by title, filtered by kind, country and (short) title', async () => {
    const LIST = `query ($filter: LegalInstrumentFilter) { legalInstruments(filter: $filter) { totalCount edges { node { title country { code } } } } }`;
    const titles = async (filter: Record<string, unknown>) =>
      (await ok<{ legalInstruments: Edges<{ title: string }> }>(mining.request, LIST, { filter })).legalInstruments.edges.map(
        (e) => e.node.title,
      );
    expect(await titles({})).toEqual(['ECOWAS Model Mining and Mineral Development Act', 'Mining Code of Mali']);
    expect(await titles({ kind: 'NATIONAL_MINING_CODE', country: 'ML' })).toEqual(['Mining Code of Mali']);
    expect(await titles({ search: 'emmmda' })).toEqual(['ECOWAS Model Mining and Mineral Development Act']);
    expect(await titles({ search: 'MALI' })).toEqual(['Mining Code of Mali']);
    expect(await titles({ country: 'SN' })).toEqual([]);
  });

  it('lists provisions across instruments, filtered by instrument, topic and title, page by page', async () => {
    const LIST = `query ($filter: ProvisionFilter, $first: Int, $after: String) { provisions(filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { article instrument { id } } } } }`;
    type Page = { provisions: Edges<{ article: string; instrument: { id: string } }> };
    const cdas = await ok<Page>(mining.request, LIST, { filter: { topic: 'COMMUNITY_DEVELOPMENT_AGREEMENTS' } });
    expect(cdas.provisions.totalCount).toBe(3);
    expect(cdas.provisions.edges.filter((e) => e.node.instrument.id === emmmda.id).map((e) => e.node.article)).toEqual(['36', '36 bis']);
    const first = await ok<Page>(mining.request, LIST, { filter: { instrument: emmmda.id }, first: 4 });
    expect(first.provisions.edges.map((e) => e.node.article)).toEqual(['8', '25', '36', '36 bis']);
    const rest = await ok<Page>(mining.request, LIST, {
      filter: { instrument: emmmda.id },
      first: 4,
      after: first.provisions.pageInfo.endCursor,
    });
    expect(rest.provisions.edges.map((e) => e.node.article)).toEqual(['41', '70', '78']);
    expect(rest.provisions.pageInfo.hasNextPage).toBe(false);
    const search = await ok<Page>(mining.request, LIST, { filter: { search: 'ARTICLE 57' } });
    expect(search.provisions.edges).toEqual([{ node: { article: '57', instrument: { id: mali.id } } }]);
  });

  it('lists the fourteen ECPF components in the framework’s order', async () => {
    const { ecpfComponents } = await ok<{ ecpfComponents: { component: string; number: number; name: string }[] }>(
      mining.request,
      `{ ecpfComponents { component number name } }`,
    );
    expect(ecpfComponents).toHaveLength(14);
    expect(ecpfComponents[0]).toEqual({ component: 'EARLY_WARNING', number: 1, name: 'Early warning' });
    expect(ecpfComponents.find((c) => c.component === 'NATURAL_RESOURCE_GOVERNANCE')).toEqual({
      component: 'NATURAL_RESOURCE_GOVERNANCE',
      number: 6,
      name: 'Natural resource governance',
    });
  });

  it('lets its owner correct an instrument and a provision at the version read, and nobody else', async () => {
    const UPDATE = `mutation ($id: ID!, $version: Int!, $input: UpdateProvisionInput!) { updateProvision(id: $id, version: $version, input: $input) { article title topic summary version } }`;
    const { updateProvision } = await ok<{ updateProvision: unknown }>(mining.owner, UPDATE, {
      id: emmmda.articles['78'],
      version: 1,
      input: { title: 'Grievance mechanisms for communities', summary: 'Complaints are answered within set delays.' },
    });
    expect(updateProvision).toEqual({
      article: '78',
      title: 'Grievance mechanisms for communities',
      topic: 'GRIEVANCE_MECHANISMS',
      summary: 'Complaints are answered within set delays.',
      version: 2,
    });
    const stale = await mining.owner(UPDATE, { id: emmmda.articles['78'], version: 1, input: { title: 'Late' } });
    expect(stale.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const other = await mining.as(OTHER_PARTNER, 'mining:write');
    const refused = await other(UPDATE, { id: emmmda.articles['78'], version: 2, input: { title: 'Taken over' } });
    expect(refused.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const { updateLegalInstrument } = await ok<{ updateLegalInstrument: unknown }>(
      mining.owner,
      `mutation ($id: ID!) { updateLegalInstrument(id: $id, version: 1, input: { year: 2023, shortTitle: null }) { year shortTitle version } }`,
      { id: mali.id },
    );
    expect(updateLegalInstrument).toEqual({ year: 2023, shortTitle: null, version: 2 });
  });
});
