import type { ParticipantGroup, ParticipantOrigin } from '../forum/forum.entity';
import { discloseParticipants, participationAcross, sumDisclosed } from './statistics.disclosure';

const who = { ownerOrg: 'o', createdBy: 'c', createdAt: new Date() };
const group = (category: ParticipantGroup['category'], women: number, men: number): ParticipantGroup => ({
  ...who,
  forumId: 'f',
  category,
  women,
  men,
});
const origin = (regionPcode: string, participants: number): ParticipantOrigin => ({
  ...who,
  forumId: 'f',
  regionPcode,
  countryCode: regionPcode.slice(0, 2),
  participants,
});

const GROUPS = [
  group('YOUTH', 20, 30),
  group('WOMENS_GROUPS', 12, 0),
  group('VICTIMS_OF_MODERN_SLAVERY', 2, 3),
  group('RELIGIOUS_LEADERS', 0, 9),
];
const ORIGINS = [origin('ML05', 40), origin('ML09', 30), origin('BF56', 3)];

describe('a forum’s participants', () => {
  it('are exact for the owner, every category listed', () => {
    const shown = discloseParticipants(GROUPS, ORIGINS, true);
    expect(shown.groups).toHaveLength(14);
    expect(shown.groups.find((g) => g.category === 'VICTIMS_OF_MODERN_SLAVERY')).toEqual({
      category: 'VICTIMS_OF_MODERN_SLAVERY',
      women: { count: 2, suppressed: false },
      men: { count: 3, suppressed: false },
      total: { count: 5, suppressed: false },
    });
    expect([shown.women.count, shown.men.count, shown.total.count]).toEqual([34, 42, 76]);
    expect(shown.origins.map((o) => [o.regionPcode, o.participants.count])).toEqual([
      ['ML05', 40],
      ['ML09', 30],
      ['BF56', 3],
    ]);
    expect(shown.originUnknown).toEqual({ count: 3, suppressed: false });
  });

  it('withhold small counts, and whatever would give them away, from anyone else', () => {
    const shown = discloseParticipants(GROUPS, ORIGINS, false);
    const slavery = shown.groups.find((g) => g.category === 'VICTIMS_OF_MODERN_SLAVERY')!;
    expect(slavery.women).toEqual({ count: null, suppressed: true });
    expect(slavery.men).toEqual({ count: null, suppressed: true });
    expect(slavery.total).toEqual({ count: 5, suppressed: false });
    // Women 34 and men 42 are shown: each column then has a second withheld cell, so neither small cell can be recovered.
    const womenHidden = shown.groups.filter((g) => g.women.suppressed).length;
    const menHidden = shown.groups.filter((g) => g.men.suppressed).length;
    expect(shown.women.suppressed || womenHidden !== 1).toBe(true);
    expect(shown.men.suppressed || menHidden !== 1).toBe(true);
    expect(shown.groups.find((g) => g.category === 'RELIGIOUS_LEADERS')!.women).toEqual({ count: 0, suppressed: false });
    // Three from BF56 and three of unknown origin are withheld together.
    expect(shown.origins.find((o) => o.regionPcode === 'BF56')!.participants.suppressed).toBe(true);
    expect(shown.originUnknown.suppressed).toBe(true);
    expect(shown.total).toEqual({ count: 76, suppressed: false });
  });
});

describe('participation across forums', () => {
  it('adds up what each forum shows, and withholds a sum that includes a withheld figure', () => {
    const first = discloseParticipants(GROUPS, [], false);
    const second = discloseParticipants([group('YOUTH', 10, 15), group('VICTIMS_OF_MODERN_SLAVERY', 6, 7)], [], false);
    const across = participationAcross([first, second]);
    expect(across.groups.find((g) => g.category === 'YOUTH')).toMatchObject({
      women: { count: 30 },
      men: { count: 45 },
      total: { count: 75 },
    });
    expect(across.groups.find((g) => g.category === 'VICTIMS_OF_MODERN_SLAVERY')).toMatchObject({
      women: { suppressed: true },
      total: { count: 18 },
    });
    expect(across.total).toEqual({ count: 114, suppressed: false });
    expect(
      sumDisclosed([
        { count: 1, suppressed: false },
        { count: null, suppressed: true },
      ]),
    ).toEqual({ count: null, suppressed: true });
  });
});
