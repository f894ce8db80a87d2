import { badInput } from '@peacegraph/kit/errors';
import { refusalOf } from '@peacegraph/kit/testing';
import { problemsIn } from '@peacegraph/kit/testing';
import type { TranshumanceCorridor } from '../corridor/corridor.entity';
import type { SensitiveSpot } from '../place/place.entity';
import type { TranshumanceAlert } from './alert.entity';
import {
  alertValues,
  checkMove,
  closeReason,
  MAX_RECIPIENTS,
  raisedAt,
  recipientsCounted,
  recipientValues,
  responseValues,
  stepNote,
  stepTime,
} from './alert.rules';
import type { RaiseTranshumanceAlertInput } from '../generated/resolvers';

const spot = { id: 's1', name: 'East pond', adminPcode: 'BF5601', countryCode: 'BF', corridorId: 'c1' } as SensitiveSpot;
const corridor = { id: 'c2' } as TranshumanceCorridor;
const good: RaiseTranshumanceAlertInput = { kind: 'EVENT', severity: 'HIGH', summary: 'Herd entered the cropland', spot: 's1', cattle: 40 };

describe('raising an alert', () => {
  it('accepts a good alert at a spot, its place and corridor the spot’s', () => {
    const at = new Date(Date.now() - 3_600_000);
    expect(alertValues({ ...good, at }, { spot })).toEqual({
      summary: 'Herd entered the cropland',
      now: at,
      heads: { cattle: 40, sheep: 0, goats: 0, camels: 0 },
      corridorId: 'c1',
      place: { adminPcode: 'BF5601', countryCode: 'BF' },
    });
    const area = { found: true as const, value: { adminPcode: 'BF56', adminLevel: 1, countryCode: 'BF' } };
    expect(alertValues({ ...good, adminArea: 'BF56', corridor: 'c2' }, { spot, area, corridor })).toMatchObject({
      corridorId: 'c2',
      place: { adminPcode: 'BF56', countryCode: 'BF' },
    });
  });

  it('reports every problem at once, the lookups’ where their checks stand', () => {
    const input = {
      ...good,
      kind: 'PREVENTION',
      severity: 'EXTREME',
      summary: ' ',
      adminArea: 'NE06',
      corridor: 'nowhere',
      goats: -1,
      at: new Date(Date.now() + 3_600_000),
    } as unknown as RaiseTranshumanceAlertInput;
    const area = { found: true as const, value: { adminPcode: 'NE06', adminLevel: 1, countryCode: 'NE' } };
    expect(problemsIn(() => alertValues(input, { spot, area, corridor: null })).map(([field]) => field)).toEqual([
      'input.severity',
      'input.trigger',
      'input.summary',
      'input.adminArea',
      'input.corridor',
      'input.goats',
      'input.at',
    ]);
  });

  it('wants a spot or an area, known ones', () => {
    expect(refusalOf(() => alertValues({ ...good, spot: null }, { spot: null }))).toEqual({
      field: 'input.spot',
      message: 'Name a sensitive spot, an admin area, or both',
    });
    const unknown = { found: false as const, error: badInput('input.adminArea', 'No admin area with P-code "BF99" in the directory') };
    expect(problemsIn(() => alertValues({ ...good, adminArea: 'BF99' }, { spot: null, area: unknown }))).toEqual([
      ['input.spot', 'No sensitive spot with id "s1"'],
      ['input.adminArea', 'No admin area with P-code "BF99" in the directory'],
    ]);
  });

  it('takes now when no time is given, and refuses one more than 90 days ago', () => {
    expect(Math.abs(raisedAt(null).getTime() - Date.now())).toBeLessThan(1000);
    expect(refusalOf(() => raisedAt(new Date(Date.now() - 91 * 86_400_000))).field).toBe('input.at');
  });
});

describe("an alert's steps", () => {
  const now = new Date('2025-03-10T12:00:00Z');
  const alert = {
    raisedAt: new Date('2025-03-10T08:00:00Z'),
    verifiedAt: new Date('2025-03-10T09:00:00Z'),
    disseminatedAt: null,
    responseAt: null,
  } as TranshumanceAlert;

  it('takes a step the status allows, and refuses one it does not, naming the status', () => {
    expect(() => checkMove('RAISED', 'VERIFY')).not.toThrow();
    expect(() => checkMove('VERIFIED', 'DISMISS')).not.toThrow();
    expect(refusalOf(() => checkMove('RAISED', 'DISSEMINATE'))).toEqual({
      field: 'id',
      message: 'An alert raised cannot be disseminated: only one verified can',
    });
    const thrown = (() => {
      try {
        checkMove('CLOSED', 'VERIFY');
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toMatchObject({ extensions: { field: 'id', status: 'CLOSED' } });
    expect(refusalOf(() => checkMove('CLOSED', 'VERIFY')).message).toBe('The alert is closed: nothing more can happen to it');
  });

  it('dates a step now, or when given: not in the future, not before the previous step', () => {
    expect(stepTime(null, alert, now)).toBe(now);
    const at = new Date('2025-03-10T10:00:00Z');
    expect(stepTime(at, alert, now)).toBe(at);
    const skewed = new Date(now.getTime() + 60_000);
    expect(stepTime(skewed, alert, now)).toBe(skewed);
    expect(refusalOf(() => stepTime(new Date('2025-03-10T13:00:00Z'), alert, now))).toEqual({
      field: 'input.at',
      message: '2025-03-10T13:00:00.000Z is in the future',
    });
    expect(refusalOf(() => stepTime(new Date('2025-03-10T08:30:00Z'), alert, now))).toEqual({
      field: 'input.at',
      message: "2025-03-10T08:30:00.000Z is before the alert's previous step (2025-03-10T09:00:00.000Z)",
    });
  });

  it('keeps a note, or none', () => {
    expect(stepNote(' Seen by the prefect ')).toBe('Seen by the prefect');
    expect(stepNote(null)).toBeNull();
    expect(refusalOf(() => stepNote('x'.repeat(1001))).field).toBe('input.note');
  });

  it(`disseminates to at least one recipient, at most ${MAX_RECIPIENTS}`, () => {
    const one = { kind: 'AUTHORITY' as const, name: 'Prefect' };
    expect(() => recipientsCounted([one])).not.toThrow();
    expect(() => recipientsCounted(Array(MAX_RECIPIENTS).fill(one))).not.toThrow();
    expect(refusalOf(() => recipientsCounted([]))).toEqual({ field: 'input.recipients', message: 'Name at least one recipient' });
    expect(refusalOf(() => recipientsCounted(Array(MAX_RECIPIENTS + 1).fill(one)))).toEqual({
      field: 'input.recipients',
      message: `At most ${MAX_RECIPIENTS} recipients`,
    });
  });

  it('reads a recipient: its kind first, then its name, one problem at a time', () => {
    expect(recipientValues(2, { kind: 'AUTHORITY', name: ' Prefect ', organisation: 'o1' }, now)).toEqual({
      position: 3,
      kind: 'AUTHORITY',
      name: 'Prefect',
      organisationId: 'o1',
      disseminatedAt: now,
    });
    expect(problemsIn(() => recipientValues(1, { kind: 'KING' as never, name: ' ' }, now))).toEqual([
      ['input.recipients.1.kind', 'Unknown kind KING'],
    ]);
    expect(refusalOf(() => recipientValues(0, { kind: 'OTHER', name: ' ' }, now)).field).toBe('input.recipients.0.name');
  });

  it('wants what was done, then who did it', () => {
    expect(responseValues({ response: ' Herd rerouted ', respondedBy: 'Mayor' })).toEqual({
      response: 'Herd rerouted',
      respondedBy: 'Mayor',
    });
    expect(refusalOf(() => responseValues({ response: ' ', respondedBy: ' ' })).field).toBe('input.response');
    expect(refusalOf(() => responseValues({ response: 'Done', respondedBy: ' ' })).field).toBe('input.respondedBy');
  });

  it('wants a reason to dismiss an alert, not to close it', () => {
    expect(closeReason(false, null)).toBeNull();
    expect(closeReason(false, ' Herd passed ')).toBe('Herd passed');
    expect(closeReason(true, 'False alarm')).toBe('False alarm');
    expect(refusalOf(() => closeReason(true, null)).field).toBe('input.reason');
    expect(refusalOf(() => closeReason(false, 'x'.repeat(1001))).field).toBe('input.reason');
  });
});
