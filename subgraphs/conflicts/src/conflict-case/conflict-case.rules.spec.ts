import { refusalOf } from '@peacegraph/kit/testing';
import type { PartyInput } from '../generated/resolvers';
import { checkOtherCommunities, cleanParties, partyLabel } from './conflict-case.rules';
import { cleanMembership, membersOf } from '../peace-commission/peace-commission.rules';
import { COMMISSION_ROLES } from '../common/values';

const woman: PartyInput = { kind: 'INDIVIDUAL', sex: 'FEMALE', ageGroup: 'ADULT' };
const herders: PartyInput = { kind: 'GROUP', sex: 'MALE', ageGroup: 'YOUTH' };
const mayorsOffice: PartyInput = { kind: 'INSTITUTION', sex: 'NOT_APPLICABLE', ageGroup: 'NOT_APPLICABLE' };

describe('parties', () => {
  it('labels parties A, B, C in the order given and keeps no name unless one is given', () => {
    const parties = cleanParties('input.parties', [woman, herders, { ...mayorsOffice, name: '  Mairie  de  Téra ' }]);
    expect(parties.map((p) => p.label)).toEqual(['Party A', 'Party B', 'Party C']);
    expect(parties.map((p) => p.name)).toEqual([null, null, 'Mairie de Téra']);
    expect(partyLabel(19)).toBe('Party T');
  });

  it.each([
    ['one party', [woman], 'input.parties', /at least 2 parties; 1 given/],
    ['21 parties', Array.from({ length: 21 }, () => woman), 'input.parties', /At most 20/],
    ['a person of mixed sex', [woman, { ...woman, sex: 'MIXED' }], 'input.parties.1.sex', /FEMALE or MALE/],
    ['a person of mixed ages', [woman, { ...woman, ageGroup: 'MIXED' }], 'input.parties.1.ageGroup', /families and groups/],
    ['an institution with a sex', [woman, { ...mayorsOffice, sex: 'MALE' }], 'input.parties.1.sex', /institution has no sex/],
    ['an institution with an age group', [woman, { ...mayorsOffice, ageGroup: 'ADULT' }], 'input.parties.1.ageGroup', /no age group/],
    ['a group without sex', [{ ...herders, sex: 'NOT_APPLICABLE' }, woman], 'input.parties.0.sex', /for institutions/],
    ['a name longer than 200 characters', [woman, { ...herders, name: 'x'.repeat(201) }], 'input.parties.1.name', /200 characters/],
  ] as [string, PartyInput[], string, RegExp][])('refuses %s, naming the field', (_label, parties, field, message) => {
    const refused = refusalOf(() => cleanParties('input.parties', parties));
    expect(refused.field).toBe(field);
    expect(refused.message).toMatch(message);
  });
});

describe('levels and other communities', () => {
  const own = '00000000-0000-4000-a000-000000000010';
  const other = '00000000-0000-4000-a000-000000000011';

  it('asks intercommunity cases for the other communities, and refuses them elsewhere', () => {
    expect(checkOtherCommunities('input.level', 'input.otherCommunities', 'INTERCOMMUNITY', [other], own)).toEqual([other]);
    expect(checkOtherCommunities('input.level', 'input.otherCommunities', 'FAMILY', [], own)).toEqual([]);
    expect(refusalOf(() => checkOtherCommunities('input.level', 'input.otherCommunities', 'INTERCOMMUNITY', [], own))).toEqual({
      field: 'input.otherCommunities',
      message: 'An intercommunity case names the other communities involved',
    });
    expect(refusalOf(() => checkOtherCommunities('input.level', 'input.otherCommunities', 'COMMUNITY', [other], own)).field).toBe(
      'input.otherCommunities',
    );
    expect(refusalOf(() => checkOtherCommunities('input.level', 'input.otherCommunities', 'INTERCOMMUNITY', [other, own], own)).field).toBe(
      'input.otherCommunities.1',
    );
    expect(
      refusalOf(() => checkOtherCommunities('input.level', 'input.otherCommunities', 'INTERCOMMUNITY', [other, other], own)).field,
    ).toBe('input.otherCommunities.1');
  });
});

describe('commission membership', () => {
  it('keeps counts by role and sex for every role, zero where none was given', () => {
    const membership = cleanMembership('input.membership', [
      { role: 'CHAIR', women: 0, men: 1 },
      { role: 'MEDIATOR', women: 3, men: 4 },
    ]);
    expect(membership.map((m) => m.role)).toEqual([...COMMISSION_ROLES]);
    expect(membership.find((m) => m.role === 'MEDIATOR')).toEqual({ role: 'MEDIATOR', women: 3, men: 4 });
    expect(membersOf(membership)).toEqual({ women: 3, men: 5, total: 8 });
  });

  it.each([
    ['no member at all', [{ role: 'CHAIR', women: 0, men: 0 }], 'input.membership', /at least one member/],
    [
      'a role twice',
      [
        { role: 'CHAIR', women: 0, men: 1 },
        { role: 'CHAIR', women: 1, men: 0 },
      ],
      'input.membership.1.role',
      /listed twice/,
    ],
    ['a negative count', [{ role: 'MEMBER', women: -1, men: 2 }], 'input.membership.0.women', /0 to 100/],
    ['a fraction', [{ role: 'MEMBER', women: 1.5, men: 2 }], 'input.membership.0.women', /whole number/],
    ["a man as women's representative", [{ role: 'WOMENS_REPRESENTATIVE', women: 0, men: 1 }], 'input.membership.0.men', /is a woman/],
  ] as [string, { role: 'CHAIR'; women: number; men: number }[], string, RegExp][])('refuses %s', (_label, input, field, message) => {
    const refused = refusalOf(() => cleanMembership('input.membership', input));
    expect(refused.field).toBe(field);
    expect(refused.message).toMatch(message);
  });
});
