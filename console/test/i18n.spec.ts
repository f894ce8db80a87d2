import { en } from '../src/i18n/en';
import { fr } from '../src/i18n/fr';
import { makeI18n, pickLanguage } from '../src/i18n';
import { parseRoute, href } from '../src/router';
import { ownDescription } from '../src/pages/schema';

describe('language', () => {
  test.each([
    [null, ['fr-SN', 'en'], 'fr'],
    [null, ['fr-CI'], 'fr'],
    [null, ['en-GB', 'fr'], 'en'],
    [null, ['wo-SN', 'ha', 'fr-NE'], 'fr'],
    [null, ['pt-GW'], 'en'],
    [null, [], 'en'],
    ['en', ['fr-FR'], 'en'],
    ['fr', ['en-US'], 'fr'],
    ['de', ['fr-BF'], 'fr'],
  ] as const)('saved %s, browser %j → %s', (saved, preferred, expected) => {
    expect(pickLanguage(saved, preferred)).toBe(expected);
  });

  test('every English message has a French one with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect([key, placeholders(fr[key])]).toEqual([key, placeholders(en[key])]);
    }
  });

  test('numbers, percentages, durations and dates are written as each language writes them', () => {
    const english = makeI18n('en');
    const french = makeI18n('fr');
    expect([english.number(1234567.891, 1), french.number(1234567.891, 1)]).toEqual(['1,234,567.9', '1\u202f234\u202f567,9']);
    expect([english.percent(0.0525), french.percent(0.0525)]).toEqual(['5.3%', '5,3\u00a0%']);
    expect([english.ms(1250), french.ms(1250)]).toEqual(['1,250 ms', '1\u202f250 ms']);
    expect(english.date('2026-12-05T09:30:00Z')).toMatch(/5 Dec 2026/);
    expect(french.date('2026-12-05T09:30:00Z')).toMatch(/5 déc\. 2026/);
    expect([english.number(null), french.date(null)]).toEqual(['—', '—']);
    expect(french.t('overview.totals', { requests: '12', errors: '0', p95: '30 ms' })).toBe('12 requêtes, 0 erreurs, p95 30 ms');
  });
});

describe('routes', () => {
  test.each([
    ['', { page: 'overview', param: null }],
    ['#/checks', { page: 'checks', param: null }],
    ['#/checks/8d1c6c9e-0000-4000-8000-000000000001', { page: 'checks', param: '8d1c6c9e-0000-4000-8000-000000000001' }],
    ['#/schema/conflicts', { page: 'schema', param: 'conflicts' }],
    ['#/nowhere/x', { page: 'overview', param: 'x' }],
    ['#/audit/%3Cscript%3E', { page: 'audit', param: '<script>' }],
    ['#/checks/%', { page: 'checks', param: null }],
    ['#/schema/%E0%A4%A', { page: 'schema', param: null }],
  ])('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  test('a link and its route agree', () => {
    expect(parseRoute(href('schema', 'a b/c'))).toEqual({ page: 'schema', param: 'a b/c' });
  });
});

describe('a field’s own description', () => {
  test.each([
    ['Cases reported in the area.\n\nData class PARTNER: signed-in partners only.', 'Cases reported in the area.'],
    ['Data class PUBLIC: anyone may read it, signed in or not.', ''],
    ['Explains the Data class PARTNER rule in prose.', 'Explains the Data class PARTNER rule in prose.'],
    [null, ''],
  ])('%j → %j', (description, own) => {
    expect(ownDescription(description)).toBe(own);
  });
});
