import { checkValue, decodeCursor, encodeCursor, listIdentity, MAX_CURSOR_LENGTH, type CursorList } from '../src/sql/cursor';
import { refusalOf } from '../src/testing/refusal';

const SITES: CursorList = {
  table: 'mining_site',
  direction: 'ASC',
  keys: [
    { expression: 'site.name', type: 'text' },
    { expression: 'site.id', type: 'uuid' },
  ],
};
const TRAININGS: CursorList = {
  table: 'mining_training',
  direction: 'DESC',
  keys: [
    { expression: 't.starts_on', type: 'date' },
    { expression: 't.id', type: 'uuid' },
  ],
};
const FLOWS: CursorList = {
  table: 'flow_observation',
  direction: 'DESC',
  keys: [
    { expression: 'o.observed_at', type: 'timestamp' },
    { expression: 'o.id', type: 'uuid' },
  ],
};
const AUDIT: CursorList = { table: 'audit_log', direction: 'DESC', keys: [{ expression: 'a.id', type: 'bigint' }] };
const PROVISIONS: CursorList = {
  table: 'provision',
  direction: 'ASC',
  keys: [
    { expression: 'provision.instrument_id', type: 'uuid' },
    { expression: 'provision.article_number', type: 'integer' },
    { expression: 'provision.article', type: 'text' },
    { expression: 'provision.id', type: 'uuid' },
  ],
};
const ID = '5b1f6f0e-8a51-4c1e-9d1f-0c2b3a4d5e6f';
const raw = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

describe('cursors bound to their list', () => {
  it.each([
    [SITES, ['Kéniéba — placer 🙂', ID]],
    [TRAININGS, ['2024-02-29', ID]],
    [TRAININGS, [new Date('2023-05-01T00:00:00Z'), ID]],
    [FLOWS, ['2024-06-01T10:20:30.123Z', ID]],
    [FLOWS, ['2024-06-01T10:20:30+01:00', ID]],
    [AUDIT, ['9007199254740993']],
    [AUDIT, [42]],
    [PROVISIONS, [ID, 0, 'Article 12 bis', ID]],
    [PROVISIONS, [ID, -2147483648, 'a\ttab\nand lines', ID]],
  ] as const)('reads back what it handed out (%#)', (list, values) => {
    const decoded = decodeCursor(list, encodeCursor(list, values));
    const expected = values.map((v) => {
      if (v instanceof Date) return v.toISOString().slice(0, 10);
      return typeof v === 'number' && list === AUDIT ? String(v) : v;
    });
    expect(decoded).toEqual(expected);
  });

  it('gives every order of every table its own identity', () => {
    const lists = [
      SITES,
      TRAININGS,
      FLOWS,
      AUDIT,
      PROVISIONS,
      { ...SITES, direction: 'DESC' as const },
      { ...SITES, table: 'community' },
      { ...SITES, keys: [SITES.keys[0]!] },
    ];
    expect(new Set(lists.map(listIdentity)).size).toBe(lists.length);
  });

  it("refuses every other list's cursors, on the field it came in", () => {
    const lists = [SITES, TRAININGS, FLOWS, AUDIT, PROVISIONS, { ...SITES, direction: 'DESC' as const }, { ...SITES, table: 'community' }];
    const samples: Record<string, unknown[]> = {
      text: ['x'],
      uuid: [ID],
      date: ['2024-01-01'],
      timestamp: ['2024-01-01T00:00:00Z'],
      bigint: ['1'],
      integer: [1],
      number: [1],
    };
    for (const own of lists) {
      for (const other of lists) {
        if (other === own) continue;
        const cursor = encodeCursor(
          other,
          other.keys.map((k) => samples[k.type]![0]),
        );
        const refused = refusalOf(() => decodeCursor(own, cursor, 'before'));
        expect(refused.field).toBe('before');
        expect(refused.message).toMatch(/not a cursor from this list/);
      }
    }
  });

  it('refuses cursors of the old format (values without a list), forged, nested and overlong ones', () => {
    const id = listIdentity(TRAININGS);
    const forged = [
      '',
      'not a cursor',
      'bm90LWEtY3Vyc29y',
      '%%%%',
      'x'.repeat(MAX_CURSOR_LENGTH + 1),
      raw(['2024-01-01', ID]),
      raw([id, '2024-01-01']),
      raw([id, '2024-01-01', ID, 'extra']),
      raw([id, 'Kéniéba', ID]),
      raw([id, '2021-13-01', ID]),
      raw([id, '2021-02-30', ID]),
      raw([id, '2021-1-1', ID]),
      raw([id, '2021-01-01T00:00:00Z', ID]),
      raw([id, 20210101, ID]),
      raw([id, null, ID]),
      raw([id, ['2024-01-01'], ID]),
      raw([id, { $gt: '' }, ID]),
      raw([id, '2024-01-01', 'not-a-uuid']),
      raw([id, '2024-01-01', `${ID}'--`]),
      raw([id, '2024-01-01', raw([id, '2024-01-01', ID])]),
      raw({ 0: id, 1: '2024-01-01', 2: ID, length: 3 }),
      raw(id),
      raw(null),
      raw([[id, '2024-01-01', ID]]),
    ];
    for (const cursor of forged) expect(refusalOf(() => decodeCursor(TRAININGS, cursor)).field).toBe('after');
  });

  it('checks each value against its key type before the database sees it', () => {
    const bad: [Parameters<typeof checkValue>[0], unknown][] = [
      ['text', 'nul\u0000inside'],
      ['text', '\uD800 half a pair'],
      ['text', 'x'.repeat(1001)],
      ['text', 12],
      ['text', null],
      ['uuid', '5b1f6f0e8a514c1e9d1f0c2b3a4d5e6f'],
      ['uuid', `${ID} `],
      ['uuid', 7],
      ['date', '2021-00-10'],
      ['date', '2021-04-31'],
      ['date', '0000-00-00'],
      ['date', 'yesterday'],
      ['date', '2024-01-01T00:00:00Z'],
      ['timestamp', '2024-01-01'],
      ['timestamp', '2024-13-01T00:00:00Z'],
      ['timestamp', '2024-02-30T00:00:00Z'],
      ['timestamp', '2024-01-01T25:00:00Z'],
      ['timestamp', 'now'],
      ['timestamp', 1704067200000],
      ['integer', 2 ** 31],
      ['integer', 1.5],
      ['integer', '1'],
      ['integer', Number.NaN],
      ['integer', Infinity],
      ['bigint', '9223372036854775808'],
      ['bigint', '1e3'],
      ['bigint', '12345678901234567890'],
      ['bigint', 1.5],
      ['bigint', ' 1'],
      ['number', Number.NaN],
      ['number', '1'],
      ['number', null],
    ];
    for (const [type, value] of bad) expect([type, checkValue(type, value)]).toEqual([type, undefined]);
    expect(checkValue('bigint', '-9223372036854775808')).toBe('-9223372036854775808');
    expect(checkValue('integer', 2 ** 31 - 1)).toBe(2 ** 31 - 1);
    expect(checkValue('date', '2000-02-29')).toBe('2000-02-29');
    expect(checkValue('number', 0.0301)).toBe(0.0301);
  });

  it('accepts null only for a key that may hold it', () => {
    const nullable: CursorList = { ...TRAININGS, keys: [{ ...TRAININGS.keys[0]!, nullable: true }, TRAININGS.keys[1]!] };
    expect(decodeCursor(nullable, encodeCursor(nullable, [null, ID]))).toEqual([null, ID]);
    const id = listIdentity(TRAININGS);
    expect(refusalOf(() => decodeCursor(TRAININGS, raw([id, null, ID]))).field).toBe('after');
  });
});
