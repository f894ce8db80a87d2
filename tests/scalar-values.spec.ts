import { startPlatform, ORGS, type PlatformUnderTest } from './support';

/**
 * A value of a custom scalar (Date, DateTime, CountryCode, PCode, LanguageCode) can only be judged by
 * the subgraph that declares it: the supergraph knows these scalars by name. A bad one is the
 * caller's error — BAD_USER_INPUT with the scalar's reason and the service's name — whether it is
 * written in the query or sent as a variable, and the rest of the query still answers.
 */
let platform: PlatformUnderTest;
let admin: Awaited<ReturnType<PlatformUnderTest['as']>>;

beforeAll(async () => {
  platform = await startPlatform();
  admin = await platform.as(ORGS.platform, 'admin conflicts:read directory:read');
}, 120_000);
afterAll(() => platform?.stop());

interface Case {
  scalar: string;
  /** The query with VALUE where the literal goes, and the root field holding it. */
  query: string;
  field: string;
  service: string;
  bad: string[];
  good: string;
}

const CASES: Case[] = [
  {
    scalar: 'Date',
    query: '{ conflictCases(filter: { reportedFrom: VALUE }, first: 1) { totalCount } }',
    field: 'conflictCases',
    service: 'conflicts',
    bad: ['2021-13-01', '2021-02-30', '2021-1-1', 'yesterday', '', '2021-01-01T00:00:00Z', '99999-01-01'],
    good: '2021-01-01',
  },
  {
    scalar: 'DateTime',
    query: '{ directoryAuditLog(from: VALUE, first: 1) { totalCount } }',
    field: 'directoryAuditLog',
    service: 'directory',
    bad: ['2021-13-01T00:00:00Z', 'now', '', '2021-01-01 25:00'],
    good: '2021-01-01T00:00:00Z',
  },
  {
    scalar: 'CountryCode',
    query: '{ adminAreas(country: VALUE, level: 1) { totalCount } }',
    field: 'adminAreas',
    service: 'directory',
    bad: ['MLI', 'M', '', '12', 'XX', 'ml1'],
    good: 'ML',
  },
  {
    scalar: 'PCode',
    query: '{ communities(adminArea: VALUE, first: 1) { totalCount } }',
    field: 'communities',
    service: 'directory',
    bad: ['XX', 'ML-01', 'ML0301A', '', '0301', 'ML' + '1'.repeat(20)],
    good: 'ML03',
  },
  {
    scalar: 'LanguageCode',
    query: '{ communities(language: VALUE, first: 1) { totalCount } }',
    field: 'communities',
    service: 'directory',
    bad: ['bambara', 'ba', 'b4m', '', 'BAMX'],
    good: 'bam',
  },
];

describe('a bad custom scalar value is the caller’s BAD_USER_INPUT', () => {
  for (const c of CASES) {
    it(`${c.scalar}: refused as a literal and as a variable, beside a field that still answers`, async () => {
      for (const value of c.bad) {
        // The field beside it belongs to another subgraph: one subgraph's refusal of an invalid value
        // is the whole of that subgraph's part of the query, as GraphQL validation is.
        const beside = c.service === 'directory' ? 'conflictCases(first: 1) { totalCount }' : 'countries { code }';
        const literal = `{ ${beside} ${c.query.slice(1, -1).replace('VALUE', JSON.stringify(value))} }`;
        const answer = await admin(literal);
        expect([value, answer.status, answer.errors?.map((e) => e.extensions?.code)]).toEqual([value, 200, ['BAD_USER_INPUT']]);
        expect(answer.errors?.[0]?.extensions?.serviceName).toBe(c.service);
        expect(answer.errors?.[0]?.message).toContain(c.scalar);
        expect(answer.data?.[c.field]).toBeNull();
        if (c.service === 'directory') expect((answer.data?.conflictCases as { totalCount: number }).totalCount).toBeGreaterThanOrEqual(0);
        else expect((answer.data?.countries as unknown[]).length).toBe(6);

        const withVariable = `query ($v: ${c.scalar}) ${c.query.replace('VALUE', '$v')}`;
        const viaVariable = await admin(withVariable, { v: value });
        expect([value, viaVariable.errors?.[0]?.extensions?.code]).toEqual([value, 'BAD_USER_INPUT']);
      }
      const fine = await admin(c.query.replace('VALUE', JSON.stringify(c.good)));
      expect(fine.errors).toBeUndefined();
      expect(typeof (fine.data?.[c.field] as { totalCount: number }).totalCount).toBe('number');
    });
  }
});
