import { daysAgo, ok } from './fixtures';
import { COMMUNITIES, ORGS, OTHER_PARTNER, OWNER, startMining, type MiningUnderTest } from './support';
import { buildWorld, type World } from './world';

let mining: MiningUnderTest;
let world: World;
beforeAll(async () => {
  mining = await startMining();
  world = await buildWorld(mining);
});
afterAll(() => mining.stop());

type Errors = { path?: (string | number)[]; extensions?: Record<string, unknown> }[] | undefined;
function codes(errors: Errors): string[] {
  return (errors ?? []).map((e) => `${e.path?.join('.')}:${e.extensions?.code}`).sort();
}

async function writes(): Promise<number> {
  const [row] = (await mining.db.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'WRITE'`)) as { n: number }[];
  return row!.n;
}

describe('anonymous callers', () => {
  it('read the law, the ECPF components, media and publications', async () => {
    const { data, errors } = await mining.request<{
      legalInstruments: { edges: { node: { shortTitle: string; provisions: { article: string }[] } }[] };
      ecpfComponents: { component: string; number: number }[];
      mediaInterventions: { totalCount: number };
      publications: { edges: { node: { copiesDistributed: number } }[] };
    }>(`{ legalInstruments(filter: { kind: REGIONAL_MODEL_LAW }) { edges { node { shortTitle provisions { article } } } }
         ecpfComponents { component number } mediaInterventions { totalCount } publications { edges { node { copiesDistributed } } } }`);
    expect(errors).toBeUndefined();
    expect(data!.legalInstruments.edges).toEqual([
      { node: { shortTitle: 'EMMMDA', provisions: ['25', '36', '41', '70', '78'].map((article) => ({ article })) } },
    ]);
    expect(data!.ecpfComponents).toHaveLength(14);
    expect(data!.mediaInterventions.totalCount).toBe(1);
    expect(data!.publications.edges).toEqual([{ node: { copiesDistributed: 2450 } }]);
  });

  it('get nothing of sites, trainings, dialogues or figures', async () => {
    for (const field of [
      'miningSites { totalCount }',
      'miningTrainings { totalCount }',
      'policyDialogues { totalCount }',
      'miningPeopleTrained { trainings }',
    ]) {
      const { data, errors } = await mining.request(`{ ${field} }`);
      expect(data).toEqual({ [field.split(' ')[0]!]: null });
      expect(codes(errors)).toEqual([`${field.split(' ')[0]}:UNAUTHENTICATED`]);
    }
  });

  it('cannot write', async () => {
    const before = await mining.allRows();
    const { errors } = await mining.request(`mutation ($input: CreateMiningSiteInput!) { createMiningSite(input: $input) { id } }`, {
      input: { name: 'Shadow site', community: COMMUNITIES.Nampala, kind: 'ARTISANAL', minerals: ['GOLD'] },
    });
    expect(errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(await mining.allRows()).toEqual(before);
  });
});

describe('field classes, caller by caller', () => {
  const NOTES = `query ($id: ID!) { communityConsultation(id: $id) { heldOn challenges notes } }`;
  type Notes = { communityConsultation: { heldOn: string; challenges: string[]; notes: string | null } };

  it('another partner reads the consultation, not what was said there', async () => {
    const other = await mining.as(OTHER_PARTNER, 'mining:read mining:sensitive');
    const { data, errors } = await other<Notes>(NOTES, { id: world.consultation });
    expect(data!.communityConsultation).toEqual({
      heldOn: daysAgo(120),
      challenges: ['LAND_DISPOSSESSION', 'WATER_POLLUTION', 'CHILD_LABOUR'],
      notes: null,
    });
    expect(codes(errors)).toEqual(['communityConsultation.notes:FORBIDDEN']);
  });

  it('the owner without mining:sensitive does not read it either, nor does an admin', async () => {
    const owner = await mining.as(OWNER, 'mining:write');
    expect(codes((await owner<Notes>(NOTES, { id: world.consultation })).errors)).toEqual(['communityConsultation.notes:FORBIDDEN']);
    const admin = await mining.as(ORGS.platform, 'admin');
    expect(codes((await admin<Notes>(NOTES, { id: world.consultation })).errors)).toEqual(['communityConsultation.notes:FORBIDDEN']);
  });

  it('the owner with mining:sensitive reads it, and the read is audited with its purpose', async () => {
    const owner = await mining.as(OWNER, 'mining:sensitive');
    const { data, errors } = await owner<Notes>(NOTES, { id: world.consultation }, { 'x-purpose': 'planning the follow-up visit' });
    expect(errors).toBeUndefined();
    expect(data!.communityConsultation.notes).toBe('The elders asked for the sessions to be held after the harvest.');
    const rows = (await mining.db.dataSource.query(
      `SELECT actor_org, record_type, fields, owner_org, purpose FROM audit_log WHERE action = 'READ' AND $1 = ANY(record_ids)`,
      [world.consultation],
    )) as unknown[];
    expect(rows).toEqual([
      {
        actor_org: OWNER,
        record_type: 'CommunityConsultation',
        fields: ['notes'],
        owner_org: OWNER,
        purpose: 'planning the follow-up visit',
      },
    ]);
  });

  it('counts of people and mean scores are exact for the owner and protected for another partner', async () => {
    const TRAINING = `query ($id: ID!) { miningTraining(id: $id) {
      participants { exact total { count } byGroup { stakeholderGroup women { count suppressed } men { count suppressed } total { count } } }
      knowledgeAssessment { byGroup { stakeholderGroup assessed { count suppressed } meanPreScore meanPostScore meanGain withheld } } } }`;
    type Training = {
      miningTraining: {
        participants: {
          exact: boolean;
          total: { count: number };
          byGroup: { stakeholderGroup: string; women: { count: number | null }; men: { count: number | null }; total: { count: number } }[];
        };
        knowledgeAssessment: {
          byGroup: {
            stakeholderGroup: string;
            assessed: { count: number | null };
            meanPreScore: number | null;
            meanGain: number | null;
            withheld: boolean;
          }[];
        };
      };
    };
    const owner = await ok<Training>(await mining.as(OWNER, 'mining:read'), TRAINING, { id: world.trainings.leaders });
    expect(owner.miningTraining.participants.exact).toBe(true);
    expect(owner.miningTraining.knowledgeAssessment.byGroup[1]).toMatchObject({
      stakeholderGroup: 'RELIGIOUS_LEADERS',
      assessed: { count: 3 },
      meanPreScore: 7,
      meanGain: 5,
      withheld: false,
    });

    const other = await ok<Training>(await mining.as(OTHER_PARTNER, 'mining:read'), TRAINING, { id: world.trainings.leaders });
    expect(other.miningTraining.participants.exact).toBe(false);
    expect(other.miningTraining.participants.total).toEqual({ count: 52 });
    // 3 women leaders are withheld, with a partner in their line and in the women's column.
    const leaders = other.miningTraining.participants.byGroup[0]!;
    expect(leaders).toMatchObject({
      stakeholderGroup: 'COMMUNITY_LEADERS',
      women: { count: null, suppressed: true },
      men: { count: null, suppressed: true },
      total: { count: 17 },
    });
    expect(
      other.miningTraining.knowledgeAssessment.byGroup.map((g) => [g.stakeholderGroup, g.assessed.count, g.meanPreScore, g.withheld]),
    ).toEqual([
      ['COMMUNITY_LEADERS', 15, 8, false],
      ['RELIGIOUS_LEADERS', null, null, true],
      ['WOMEN', 10, 6, false],
    ]);
  });
});

describe('writes belong to their organisation', () => {
  it('refuses another partner changing the forum’s records, and writes nothing', async () => {
    const other = await mining.as(OTHER_PARTNER, 'mining:write');
    const before = await mining.allRows();
    const auditBefore = await writes();
    const attempts = await Promise.all([
      other(`mutation ($id: ID!) { updateMiningTraining(id: $id, version: 1, input: { title: "Taken over" }) { id } }`, {
        id: world.trainings.leaders,
      }),
      other(`mutation ($id: ID!) { updateMiningSite(id: $id, version: 1, input: { name: "Taken over" }) { id } }`, {
        id: world.sites.panning,
      }),
      other(`mutation ($id: ID!) { addProvision(input: { instrument: $id, article: "99", title: "Smuggled", topic: LICENSING }) { id } }`, {
        id: world.emmmda.id,
      }),
      other(`mutation ($id: ID!) { updateLegalInstrument(id: $id, version: 1, input: { year: 2020 }) { id } }`, { id: world.emmmda.id }),
      other(`mutation ($id: ID!) { addPolicyCommitment(input: { dialogue: $id, description: "x", madeBy: "y" }) { id } }`, {
        id: world.dialogue,
      }),
      other(
        `mutation ($id: ID!) { changePolicyCommitmentStatus(id: $id, version: 1, input: { status: ABANDONED, on: "${daysAgo(1)}" }) { id } }`,
        { id: world.commitments[1] },
      ),
      other(`mutation ($id: ID!) { updateCommunityConsultation(id: $id, version: 1, input: { notes: "x" }) { id } }`, {
        id: world.consultation,
      }),
      other(`mutation ($id: ID!) { updatePublication(id: $id, version: 1, input: { copiesDistributed: 1 }) { id } }`, {
        id: world.booklet,
      }),
    ]);
    expect(attempts.map((a) => a.errors?.[0]?.extensions?.code)).toEqual(Array(8).fill('FORBIDDEN'));
    expect(attempts[0]!.errors![0]!.message).toBe(
      `MiningTraining ${world.trainings.leaders} belongs to another organisation; only its owner may change it`,
    );
    expect(await mining.allRows()).toEqual(before);
    expect(await writes()).toBe(auditBefore);
  });

  it('refuses a write without mining:write', async () => {
    const reader = await mining.as(OWNER, 'mining:read mining:sensitive');
    const before = await mining.allRows();
    const { errors } = await reader(
      `mutation { recordPublication(input: { title: "x", kind: POSTER, language: "fra", publishedOn: "${daysAgo(1)}", copiesDistributed: 1 }) { id } }`,
    );
    expect(errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(errors![0]!.message).toMatch(/mining:write/);
    expect(await mining.allRows()).toEqual(before);
  });

  it('answers a retried create with the first result, and keeps client ids per organisation', async () => {
    const CREATE = `mutation ($input: CreateMiningSiteInput!) { createMiningSite(input: $input) { id name recordedBy { id } } }`;
    const input = {
      name: 'Nampala washing site',
      community: COMMUNITIES.Nampala,
      kind: 'ARTISANAL',
      minerals: ['GOLD'],
      clientMutationId: 'retry-1',
    };
    const first = await ok<{ createMiningSite: { id: string } }>(mining.owner, CREATE, { input });
    const again = await ok<{ createMiningSite: { id: string } }>(mining.owner, CREATE, { input });
    expect(again.createMiningSite.id).toBe(first.createMiningSite.id);
    const other = await mining.as(OTHER_PARTNER, 'mining:write');
    const theirs = await ok<{ createMiningSite: { id: string; recordedBy: { id: string } } }>(other, CREATE, {
      input: { ...input, name: 'Nampala second washing site' },
    });
    expect(theirs.createMiningSite.id).not.toBe(first.createMiningSite.id);
    expect(theirs.createMiningSite.recordedBy.id).toBe(OTHER_PARTNER);
  });

  it('records every write in its transaction, readable by its owner and not by other partners', async () => {
    const owner = await mining.as(OWNER, 'mining:read');
    const LOG = `query ($id: ID!) { miningAuditLog(recordId: $id, action: WRITE) { totalCount edges { node { operation recordType fields ownerOrganisation actorOrganisation actor } } } }`;
    type Log = {
      miningAuditLog: {
        totalCount: number;
        edges: { node: { operation: string; recordType: string; fields: string[]; ownerOrganisation: string; actor: string } }[];
      };
    };
    const mine = await ok<Log>(owner, LOG, { id: world.trainings.leaders });
    expect(mine.miningAuditLog.edges.map((e) => ({ ...e.node, fields: [...e.node.fields].sort() }))).toEqual([
      {
        operation: 'recordMiningTraining',
        recordType: 'MiningTraining',
        fields: [
          'community',
          'ecpfComponents',
          'endsOn',
          'instrument',
          'kind',
          'knowledgeAssessment',
          'participants',
          'provisions',
          'site',
          'startsOn',
          'title',
          'trainers',
        ],
        ownerOrganisation: OWNER,
        actorOrganisation: OWNER,
        actor: 'trainer-1',
      },
    ]);
    const commitments = await ok<Log>(owner, LOG, { id: world.commitments[0] });
    expect(commitments.miningAuditLog.edges.map((e) => [e.node.operation, e.node.recordType])).toEqual([
      ['recordPolicyDialogue', 'PolicyCommitment'],
    ]);
    const other = await ok<Log>(await mining.as(OTHER_PARTNER, 'mining:read'), LOG, { id: world.trainings.leaders });
    expect(other.miningAuditLog.totalCount).toBe(0);
  });

  it('refuses an update made on an old version with CONFLICT, and writes nothing', async () => {
    const before = await mining.allRows();
    const { errors } = await mining.owner(
      `mutation ($id: ID!) { updateMiningTraining(id: $id, version: 9, input: { venue: "Hall" }) { id } }`,
      { id: world.trainings.artisanal },
    );
    expect(errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 1 });
    expect(await mining.allRows()).toEqual(before);
  });
});
