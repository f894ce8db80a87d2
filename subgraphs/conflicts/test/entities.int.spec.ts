import { COMMUNITIES, OTHER_PARTNER, startStack, type StackUnderTest } from './support';
import { changed, createCommission, daysAgo, reportCase, type CaseRef } from './fixtures';

let stack: StackUnderTest;
let commission: string;
let kase: CaseRef;
beforeAll(async () => {
  stack = await startStack();
  commission = (await createCommission(stack.conflicts.owner, COMMUNITIES.tera, { managementCommittee: 'CGC de Téra' })).id;
  kase = await reportCase(stack.conflicts.owner, commission, { reportedOn: daysAgo(20), type: 'WATER_AND_NATURAL_RESOURCES' });
  kase = await changed(stack.conflicts.owner, 'startMediation', kase, { on: daysAgo(15) });
});
afterAll(() => stack.stop());

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on PeaceCommission { id managementCommittee community { id } }
    ... on ConflictCase { id reference status type adminArea { pcode } }
    ... on Community { id peaceCommission { id } caseStats { reported { count } open { count } } }
    ... on AdminArea { pcode conflictStats { reported { count } open { count } exact } }
  }
}`;

describe('federation contract (_entities)', () => {
  it('resolves references to its own entities and answers its fields on the directory’s, in order, null for unknown keys', async () => {
    const reader = await stack.conflicts.as(OTHER_PARTNER, 'conflicts:read');
    const { data, errors } = await reader<{ _entities: unknown[] }>(ENTITIES, {
      representations: [
        { __typename: 'PeaceCommission', id: commission },
        { __typename: 'ConflictCase', id: kase.id },
        { __typename: 'Community', id: COMMUNITIES.tera },
        { __typename: 'Community', id: COMMUNITIES.kalana },
        { __typename: 'AdminArea', pcode: 'NE006' },
        { __typename: 'AdminArea', pcode: 'ML03' },
        { __typename: 'PeaceCommission', id: '00000000-0000-4000-8000-00000000c0de' },
        { __typename: 'ConflictCase', id: 'not-a-uuid' },
      ],
    });
    expect(errors).toBeUndefined();
    expect(data!._entities).toEqual([
      { __typename: 'PeaceCommission', id: commission, managementCommittee: 'CGC de Téra', community: { id: COMMUNITIES.tera } },
      {
        __typename: 'ConflictCase',
        id: kase.id,
        reference: kase.reference,
        status: 'UNDER_MEDIATION',
        type: 'WATER_AND_NATURAL_RESOURCES',
        adminArea: { pcode: 'NE006011' },
      },
      {
        __typename: 'Community',
        id: COMMUNITIES.tera,
        peaceCommission: { id: commission },
        caseStats: { reported: { count: null }, open: { count: null } },
      },
      { __typename: 'Community', id: COMMUNITIES.kalana, peaceCommission: null, caseStats: { reported: { count: 0 }, open: { count: 0 } } },
      { __typename: 'AdminArea', pcode: 'NE006', conflictStats: { reported: { count: null }, open: { count: null }, exact: false } },
      { __typename: 'AdminArea', pcode: 'ML03', conflictStats: { reported: { count: 0 }, open: { count: 0 }, exact: true } },
      null,
      null,
    ]);
    expect(kase.reference).toMatch(/^NE006011-\d{4}-0001$/);
  });

  it('publishes its schema through _service: its entities, and the directory’s Community and AdminArea extended', async () => {
    const { data } = await stack.conflicts.request<{ _service: { sdl: string } }>(`{ _service { sdl } }`);
    const sdl = data!._service.sdl;
    expect(sdl).toMatch(/type PeaceCommission\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type ConflictCase\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Community\s+@key\(fields: "id"\)\s*\{[^}]*peaceCommission[^}]*caseStats/);
    expect(sdl).toMatch(/type AdminArea\s+@key\(fields: "pcode"\)\s*\{[^}]*conflictStats/);
  });
});
