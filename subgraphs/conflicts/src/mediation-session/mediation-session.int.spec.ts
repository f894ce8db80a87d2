import { DEFAULT_THRESHOLD } from '@peacegraph/kit/disclosure';
import { COMMUNITIES, ORGS, OTHER_PARTNER, OWNER, startStack, type StackUnderTest } from '../../test/support';
import { changed, createCommission, daysAgo, MEMBERSHIP, reportCase } from '../../test/fixtures';

/**
 * Counts of people attached to a case (issue 14, part 9): a mediation session's mediators and
 * attendance by sex. Over HTTP on real PostgreSQL, the owner records sessions with generated counts —
 * every pair of 0…7 women and men, and larger ones — and each caller reads them back: the owner
 * exactly; another partner, or an admin of another organisation, through disclosure control.
 */

type Cell = { count: number | null; suppressed: boolean };
type Headcount = { exact: boolean; women: Cell; men: Cell; total: Cell };
type Session = { heldOn: string; mediators: Headcount; attendance: Headcount };
type Pair = { women: number; men: number };

const SESSIONS = `query ($id: ID!) {
  conflictCase(id: $id) { mediationSessions { heldOn mediators { ...people } attendance { ...people } } }
}
fragment people on SessionHeadcount { exact women { count suppressed } men { count suppressed } total { count suppressed } }`;

/** Enough members that mediators can range as widely as attendance does at the small end. */
const WIDE_MEMBERSHIP = [...MEMBERSHIP, { role: 'MEMBER', women: 20, men: 20 }];
const MAX_MEDIATORS = { women: 25, men: 27 };

/** A small deterministic PRNG (mulberry32), so a failure names values that can be replayed. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Generated sessions: attendance takes every pair of 0…7 women and men, then larger values; mediators vary beside it. */
function generate(): { mediators: Pair; attendance: Pair }[] {
  const random = prng(14);
  const upTo = (n: number) => Math.floor(random() * (n + 1));
  const mediators = (): Pair => {
    const small = random() < 0.8;
    const pair = small ? { women: upTo(7), men: upTo(7) } : { women: upTo(MAX_MEDIATORS.women), men: upTo(MAX_MEDIATORS.men) };
    return pair.women + pair.men === 0 ? { women: 0, men: 1 + upTo(6) } : pair;
  };
  const sessions: { mediators: Pair; attendance: Pair }[] = [];
  for (let women = 0; women <= 7; women += 1)
    for (let men = 0; men <= 7; men += 1) sessions.push({ mediators: mediators(), attendance: { women, men } });
  for (let i = 0; i < 16; i += 1)
    sessions.push({ mediators: mediators(), attendance: { women: upTo(i % 2 ? 12 : 2000), men: upTo(i % 3 ? 12 : 2000) } });
  return sessions;
}

let stack: StackUnderTest;
let caseId: string;
const recorded = new Map<string, { mediators: Pair; attendance: Pair }>();

beforeAll(async () => {
  stack = await startStack();
  const { owner } = stack.conflicts;
  const commission = await createCommission(owner, COMMUNITIES.dori, { membership: WIDE_MEMBERSHIP });
  let kase = await reportCase(owner, commission.id, { reportedOn: daysAgo(400) });
  kase = await changed(owner, 'startMediation', kase, { on: daysAgo(400) });
  caseId = kase.id;
  // One session a day, so that each reads back by its date.
  for (const [i, session] of generate().entries()) {
    const heldOn = daysAgo(399 - i);
    kase = await changed(owner, 'recordMediationSession', kase, { heldOn, ...session, outcome: 'PROGRESS' });
    recorded.set(heldOn, session);
  }
});
afterAll(() => stack.stop());

async function sessionsAs(organisation: string, scope: string): Promise<Session[]> {
  const client = await stack.conflicts.as(organisation, scope);
  const { data, errors } = await client<{ conflictCase: { mediationSessions: Session[] } }>(SESSIONS, { id: caseId });
  expect(errors).toBeUndefined();
  return data!.conflictCase.mediationSessions;
}

const primary = (count: number) => count > 0 && count < DEFAULT_THRESHOLD;
const shown = (count: number): Cell => ({ count, suppressed: false });
const withheld: Cell = { count: null, suppressed: true };

/**
 * What a non-owner must see, from the rule rather than from the kit's code: a count from 1 to 4 is
 * withheld; beside a visible total, one withheld sex would be the total minus the other, so the other
 * is withheld too unless it is zero (then the total is itself from 1 to 4, and withheld).
 */
function expectedFor(pair: Pair): Headcount {
  const total = pair.women + pair.men;
  const hidden = (own: number, other: number) => primary(own) || (primary(other) && own > 0);
  return {
    exact: false,
    women: hidden(pair.women, pair.men) ? withheld : shown(pair.women),
    men: hidden(pair.men, pair.women) ? withheld : shown(pair.men),
    total: primary(total) ? withheld : shown(total),
  };
}

describe("a mediation session's headcounts", () => {
  it('are exact for the organisation that owns the case, every value of every session', async () => {
    const sessions = await sessionsAs(OWNER, 'conflicts:read');

    expect(sessions).toHaveLength(recorded.size);
    for (const session of sessions) {
      const truth = recorded.get(session.heldOn)!;
      for (const line of ['mediators', 'attendance'] as const) {
        const { women, men } = truth[line];
        expect(session[line]).toEqual({ exact: true, women: shown(women), men: shown(men), total: shown(women + men) });
      }
    }
  });

  it.each([
    ['another partner', OTHER_PARTNER, 'conflicts:read'],
    ['an admin of another organisation', ORGS.platform, 'conflicts:read admin'],
  ])('are disclosure-controlled for %s: 1 to 4 withheld, never recoverable from the total', async (_label, organisation, scope) => {
    const sessions = await sessionsAs(organisation, scope);

    expect(sessions).toHaveLength(recorded.size);
    const seenWithheld = new Set<number>();
    for (const session of sessions) {
      const truth = recorded.get(session.heldOn)!;
      for (const line of ['mediators', 'attendance'] as const) {
        const seen = session[line];
        const pair = truth[line];
        const where = `${session.heldOn} ${line} ${JSON.stringify(pair)}`;
        expect([where, seen]).toEqual([where, expectedFor(pair)]);

        // The properties themselves, whatever the kit's algorithm.
        const cells = [seen.women, seen.men, seen.total];
        for (const cell of cells) {
          expect(cell.suppressed).toBe(cell.count === null);
          if (cell.count !== null) expect(primary(cell.count)).toBe(false);
        }
        if (!seen.total.suppressed) expect([seen.women, seen.men].filter((c) => c.suppressed)).not.toHaveLength(1);
        if (!seen.women.suppressed && !seen.men.suppressed) expect(seen.total.count).toBe(seen.women.count! + seen.men.count!);
        for (const [value, cell] of [
          [pair.women, seen.women],
          [pair.men, seen.men],
        ] as const) {
          if (cell.suppressed) seenWithheld.add(value);
          else expect(cell.count).toBe(value);
        }
      }
    }
    // Every small value was tried and withheld, and so was at least one larger one beside it.
    expect([1, 2, 3, 4].every((v) => seenWithheld.has(v))).toBe(true);
    expect([...seenWithheld].some((v) => v >= DEFAULT_THRESHOLD)).toBe(true);
    expect(seenWithheld.has(0)).toBe(false);
  });

  it('are withheld from an anonymous caller altogether', async () => {
    const { data, errors } = await stack.conflicts.request(SESSIONS, { id: caseId });
    expect(data).toEqual({ conflictCase: null });
    expect(errors!.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});
