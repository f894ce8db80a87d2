import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  ALERT_STATUSES,
  ALERT_TRIGGERS,
  RECIPIENT_KINDS,
  SPOT_KINDS,
  tropicalLivestockUnits,
  type AlertStatus,
} from '../src/common/transhumance-values';
import { canMove, canReach, refusal, type AlertMove } from '../src/alert/alert.rules';
import { EARLY_ACTION_DEFAULTS, readOverrides } from '../src/alert/early-action-settings';
import {
  headingText,
  headsText,
  herdsApproachingSpots,
  movementsOutsideSeason,
  severityOf,
  type CorridorForRules,
  type ObservationForRules,
  type SpotForRules,
} from '../src/alert/early-action.rules';
import { densify, greatCircleKm, locateOnPath, pathLengthKm } from '../src/common/geo';
import { readSeason, timingOf, type SeasonWindow } from '../src/corridor/season';
import { checkPathInCountries, readPath } from '../src/corridor/corridor-path';
import { cutAtWholeWeeks } from '../src/flow/flow-weeks';

const DAY = 86_400_000;
const KM_PER_DEGREE = (6378.168 * Math.PI) / 180;
const NOW = new Date('2025-11-20T12:00:00Z');

describe('tropical livestock units', () => {
  it('weighs cattle 0.7, sheep and goats 0.1, camels 1.0', () => {
    expect(tropicalLivestockUnits({ cattle: 312, sheep: 540, goats: 0, camels: 0 })).toBe(272.4);
    expect(tropicalLivestockUnits({ cattle: 0, sheep: 10, goats: 10, camels: 3 })).toBe(5);
  });
});

describe('geometry on earthdistance’s sphere', () => {
  it('a degree of latitude is 111.32 km, and a path is the sum of its legs', () => {
    expect(greatCircleKm({ latitude: 14, longitude: 0 }, { latitude: 15, longitude: 0 })).toBeCloseTo(KM_PER_DEGREE, 6);
    const path = [
      { latitude: 15, longitude: 0 },
      { latitude: 14, longitude: 0 },
      { latitude: 14, longitude: 1 },
    ];
    expect(pathLengthKm(path)).toBeCloseTo(KM_PER_DEGREE + greatCircleKm(path[1]!, path[2]!), 6);
  });

  it('densifies to a vertex at least every kilometre, keeping distance from the start', () => {
    const vertices = densify([
      { latitude: 15, longitude: 0 },
      { latitude: 14, longitude: 0 },
    ]);
    expect(vertices).toHaveLength(113);
    expect(vertices.at(-1)!.kmFromStart).toBeCloseTo(KM_PER_DEGREE, 6);
    expect(vertices.every((v, i) => i === 0 || v.kmFromStart - vertices[i - 1]!.kmFromStart <= 1)).toBe(true);
  });

  it('locates a point beside the path: its distance off it and how far along its nearest place is', () => {
    const path = [
      { latitude: 15, longitude: 0 },
      { latitude: 14, longitude: 0 },
    ];
    const found = locateOnPath(path, { latitude: 14.5, longitude: 0.1 });
    expect(found.kmAlong).toBeCloseTo(KM_PER_DEGREE / 2, 1);
    expect(found.distanceKm).toBeCloseTo(0.1 * KM_PER_DEGREE * Math.cos((14.5 * Math.PI) / 180), 1);
    // Beyond the end: the distance to the last position.
    expect(locateOnPath(path, { latitude: 13.9, longitude: 0 }).distanceKm).toBeCloseTo(0.1 * KM_PER_DEGREE, 3);
  });
});

describe('corridor paths', () => {
  it('reads GeoJSON LineStrings, Features and coordinate lists as [longitude, latitude]', () => {
    expect(
      readPath('path', {
        geoJson: {
          type: 'LineString',
          coordinates: [
            [-0.03, 14.03],
            [0.75, 14.01],
          ],
        },
      }).positions[1],
    ).toEqual({ latitude: 14.01, longitude: 0.75 });
    expect(
      readPath('path', {
        geoJson: {
          type: 'Feature',
          geometry: {
            type: 'LineString',
            coordinates: [
              [1, 2],
              [3, 4],
            ],
          },
        },
      }).positions,
    ).toHaveLength(2);
    expect(
      readPath('path', {
        coordinates: [
          [1, 2, 300],
          [3, 4],
        ],
      }).positions[0],
    ).toEqual({ latitude: 2, longitude: 1 });
  });

  it.each([
    [{ coordinates: [[1, 2]] }, 'path.coordinates', 'at least 2'],
    [
      {
        coordinates: [
          [1, 2],
          [1, 2],
        ],
      },
      'path.coordinates.1',
      'repeats',
    ],
    [
      {
        coordinates: [
          [1, 2],
          [200, 2],
        ],
      },
      'path.coordinates.1',
      'not a [longitude, latitude]',
    ],
    [{ coordinates: Array.from({ length: 2001 }, (_, i) => [0, 10 + i / 1000]) }, 'path.coordinates', 'at most 2000'],
    [{ geoJson: { type: 'Point', coordinates: [1, 2] } }, 'path.geoJson', 'LineString'],
    [
      {
        geoJson: {
          type: 'LineString',
          coordinates: [
            [1, 2],
            [3, 4],
          ],
        },
        coordinates: [
          [1, 2],
          [3, 4],
        ],
      },
      'path',
      'not both',
    ],
  ])('refuses %j on %s', (input, field, message) => {
    expect(() => readPath('path', input as never)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ field }), message: expect.stringContaining(message) }),
    );
  });

  it('refuses a position outside every country crossed, and says when latitude and longitude look swapped', () => {
    const { positions, positionField } = readPath('path', {
      coordinates: [
        [-0.03, 14.03],
        [14.01, 0.75],
      ],
    });
    expect(() => checkPathInCountries(positions, ['BF', 'NE'], positionField)).toThrow(/Position 1 .*outside every country.*swapped/);
  });
});

describe('season calendar', () => {
  const season: SeasonWindow[] = readSeason('season', [
    { direction: 'FORWARD', opens: '10-15', closes: '12-31', label: 'descent' },
    { direction: 'BACKWARD', opens: '11-15', closes: '02-15', label: null },
  ]);
  const at = (date: string) => new Date(`${date}T10:00:00Z`);

  it('is inside a window, including one wrapping the year end', () => {
    expect(timingOf(season, 'FORWARD', at('2025-11-20'), 4).timing).toBe('INSIDE');
    expect(timingOf(season, 'BACKWARD', at('2026-01-20'), 4).timing).toBe('INSIDE');
  });

  it('is EARLY within the weeks before it opens, LATE within the weeks after it closed, UNEXPECTED further out', () => {
    expect(timingOf(season, 'FORWARD', at('2025-10-01'), 4)).toMatchObject({ timing: 'EARLY', daysOutside: 14 });
    expect(timingOf(season, 'FORWARD', at('2026-01-10'), 4)).toMatchObject({ timing: 'LATE', daysOutside: 10 });
    expect(timingOf(season, 'FORWARD', at('2025-06-01'), 4).timing).toBe('UNEXPECTED');
    expect(timingOf([], 'FORWARD', at('2025-06-01'), 4).timing).toBe('NO_CALENDAR');
  });

  it('refuses days that do not exist', () => {
    expect(() => readSeason('season', [{ direction: 'FORWARD', opens: '02-30', closes: '03-10' }])).toThrow(/not a month and day/);
    expect(() => readSeason('season', [{ direction: 'FORWARD', opens: '13-01', closes: '03-10' }])).toThrow(/MM-DD/);
  });
});

describe('early-action rules', () => {
  // A corridor drawn north to south: FORWARD is southward.
  const corridor: CorridorForRules = {
    id: 'corridor',
    name: 'Séno corridor',
    season: [{ direction: 'FORWARD', opens: '10-15', closes: '12-31', label: 'descent' }],
    settings: EARLY_ACTION_DEFAULTS,
  };
  const point = { id: 'kantchari', name: 'Kantchari', kmAlong: 10, adminPcode: 'BF5602', latitude: 14.5, longitude: -0.03 };
  const water: SpotForRules = {
    id: 'tapoa',
    name: 'Tapoa',
    kind: 'WATER_POINT',
    kmAlong: 58,
    adminPcode: 'BF5602',
    latitude: 14.07,
    longitude: -0.03,
  };
  const behind: SpotForRules = {
    id: 'field',
    name: 'North field',
    kind: 'CROPLAND',
    kmAlong: 4,
    adminPcode: 'BF5602',
    latitude: 14.56,
    longitude: -0.03,
  };
  const far: SpotForRules = {
    id: 'market',
    name: 'Far market',
    kind: 'MARKET',
    kmAlong: 100,
    adminPcode: 'BF5602',
    latitude: 13.7,
    longitude: -0.03,
  };
  const seen = (over: Partial<ObservationForRules> & { hoursAgo?: number } = {}): ObservationForRules => ({
    id: `o${Math.random()}`,
    countingPoint: point,
    observedAt: new Date(NOW.getTime() - (over.hoursAgo ?? 6) * 3_600_000),
    direction: 'FORWARD',
    heads: { cattle: 312, sheep: 540, goats: 0, camels: 0 },
    ...over,
  });

  it('warns of a large herd reaching a spot ahead within the horizon, and explains why in plain words', () => {
    const [alert, ...rest] = herdsApproachingSpots(corridor, [seen()], [water, behind, far], NOW);
    expect(rest).toEqual([]);
    expect(alert).toMatchObject({ spotId: 'tapoa', trigger: 'APPROACHING', tlu: 272.4, severity: 'MEDIUM', direction: 'FORWARD' });
    // 48 km at 15 km/day: 3.2 days after the count.
    expect(alert!.expectedArrival.getTime()).toBe(NOW.getTime() - 6 * 3_600_000 + 3.2 * DAY);
    expect(alert!.reasoning).toBe(
      '312 cattle and 540 sheep (272.4 TLU) passed Kantchari counting point heading south on 20 Nov; at 15 km/day they reach Tapoa (water point), 48 km on, around 23 Nov, within the 5-day horizon; threshold 100 TLU.',
    );
    expect(alert!.evidence).toMatchObject({
      rule: 'HERD_APPROACHING_SPOT',
      distanceAlongCorridorKm: 48,
      assumedSpeedKmPerDay: 15,
      horizonDays: 5,
      alertThresholdTlu: 100,
    });
  });

  it('stays quiet for a herd too small, spots behind or too far, the other direction, and old observations', () => {
    expect(herdsApproachingSpots(corridor, [seen({ heads: { cattle: 100, sheep: 0, goats: 0, camels: 0 } })], [water], NOW)).toEqual([]);
    expect(herdsApproachingSpots(corridor, [seen()], [behind, far], NOW)).toEqual([]);
    expect(herdsApproachingSpots(corridor, [seen({ direction: 'BACKWARD' })], [water, far], NOW)).toEqual([]);
    expect(herdsApproachingSpots(corridor, [seen({ hoursAgo: 8 * 24 })], [water], NOW)).toEqual([]);
  });

  it('the other direction warns the spots behind the counting point instead', () => {
    expect(herdsApproachingSpots(corridor, [seen({ direction: 'BACKWARD' })], [water, behind], NOW).map((a) => a.spotId)).toEqual([
      'field',
    ]);
  });

  it('counts a herd once: only the nearest counting point behind a spot speaks for it', () => {
    const nearer = { ...point, id: 'nearer', name: 'Nearer', kmAlong: 30 };
    const [alert] = herdsApproachingSpots(corridor, [seen(), seen({ countingPoint: nearer, hoursAgo: 2 })], [water], NOW);
    expect(alert!.evidence.countingPointId).toBe('nearer');
    expect(alert!.tlu).toBe(272.4);
  });

  it('calls a herd over the massive threshold MASSIVE, and a herd outside the calendar EARLY, LATE or UNEXPECTED', () => {
    expect(
      herdsApproachingSpots(corridor, [seen({ heads: { cattle: 800, sheep: 0, goats: 0, camels: 0 } })], [water], NOW)[0],
    ).toMatchObject({ trigger: 'MASSIVE', severity: 'HIGH' });
    const october = new Date('2025-10-01T12:00:00Z');
    const early = herdsApproachingSpots(corridor, [{ ...seen(), observedAt: new Date(october.getTime() - 3_600_000) }], [water], october);
    expect(early[0]).toMatchObject({ trigger: 'EARLY', evidence: { daysOutsideWindow: 14 } });
    expect(early[0]!.reasoning).toContain('14 days before the descent window (15 Oct to 31 Dec) opens');
  });

  it('raises an alert where a herd moves outside the calendar, above the minimum size', () => {
    const june = new Date('2025-06-10T12:00:00Z');
    const moving = { ...seen(), observedAt: new Date(june.getTime() - 3_600_000), heads: { cattle: 100, sheep: 0, goats: 0, camels: 0 } };
    const [alert] = movementsOutsideSeason(corridor, [moving], june);
    expect(alert).toMatchObject({
      trigger: 'UNEXPECTED',
      spotId: null,
      adminPcode: 'BF5602',
      tlu: 70,
      severity: 'LOW',
      evidence: { rule: 'OUTSIDE_SEASON', offSeasonMinimumTlu: 50 },
    });
    expect(alert!.reasoning).toContain(
      '100 cattle (70 TLU) passed Kantchari counting point moving along the Séno corridor on 10 Jun, far outside the calendar',
    );
    expect(movementsOutsideSeason(corridor, [{ ...moving, heads: { cattle: 50, sheep: 0, goats: 0, camels: 0 } }], june)).toEqual([]);
    expect(movementsOutsideSeason(corridor, [seen()], NOW)).toEqual([]);
    expect(movementsOutsideSeason({ ...corridor, season: [] }, [moving], june)).toEqual([]);
  });

  it('rates severity by herd size, one level up for cropland before the harvest and water points in the dry season', () => {
    const s = EARLY_ACTION_DEFAULTS;
    const nov = new Date('2025-11-20T00:00:00Z');
    const april = new Date('2025-04-20T00:00:00Z');
    expect(severityOf(150, s, 'MARKET', nov)).toBe('LOW');
    expect(severityOf(250, s, 'MARKET', nov)).toBe('MEDIUM');
    expect(severityOf(600, s, 'MARKET', nov)).toBe('HIGH');
    expect(severityOf(150, s, 'CROPLAND', nov)).toBe('MEDIUM');
    expect(severityOf(600, s, 'CROPLAND', nov)).toBe('CRITICAL');
    expect(severityOf(150, s, 'WATER_POINT', april)).toBe('MEDIUM');
    expect(severityOf(150, s, 'WATER_POINT', nov)).toBe('LOW');
  });

  it('writes herds and headings in words', () => {
    expect(headsText({ cattle: 3, sheep: 0, goats: 5, camels: 2 })).toBe('3 cattle, 5 goats and 2 camels');
    expect(headingText({ latitude: 14, longitude: 0 }, { latitude: 13, longitude: 1 })).toBe('south-east');
  });

  it('refuses settings out of bounds and a massive threshold under the alert threshold', () => {
    expect(() => readOverrides('earlyAction', { herdSpeedKmPerDay: 0 })).toThrow(/between 1 and 60/);
    expect(() => readOverrides('earlyAction', { alertThresholdTlu: 300, massiveThresholdTlu: 200 })).toThrow(/below the alert threshold/);
    expect(readOverrides('earlyAction', { horizonDays: 3, lookBackDays: null })).toEqual({ horizonDays: 3 });
  });
});

describe('alert life', () => {
  const moves: AlertMove[] = ['VERIFY', 'DISSEMINATE', 'RECORD_RESPONSE', 'CLOSE', 'DISMISS'];
  const allowed: Record<AlertStatus, AlertMove[]> = {
    RAISED: ['VERIFY', 'DISMISS'],
    VERIFIED: ['DISSEMINATE', 'DISMISS'],
    DISSEMINATED: ['RECORD_RESPONSE'],
    RESPONSE_RECORDED: ['CLOSE'],
    CLOSED: [],
  };
  const pairs = ALERT_STATUSES.flatMap((from) => moves.map((move) => [from, move, allowed[from].includes(move)] as const));

  it.each(pairs)('from %s, %s is allowed: %s', (from, move, expected) => {
    expect(canMove(from, move)).toBe(expected);
    if (!expected) expect(refusal(from, move)).toMatch(/cannot|closed/);
  });

  const reachable: Record<AlertStatus, AlertStatus[]> = {
    RAISED: ['VERIFIED', 'CLOSED'],
    VERIFIED: ['DISSEMINATED', 'CLOSED'],
    DISSEMINATED: ['RESPONSE_RECORDED'],
    RESPONSE_RECORDED: ['CLOSED'],
    CLOSED: [],
  };
  it.each(ALERT_STATUSES.flatMap((from) => ALERT_STATUSES.map((to) => [from, to] as const)))('%s → %s', (from, to) => {
    expect(canReach(from, to)).toBe(reachable[from].includes(to));
  });
});

describe('the schema', () => {
  const sdl = readFileSync(path.resolve(__dirname, '../schema.graphql'), 'utf8');
  const values = (name: string) =>
    [...new RegExp(`enum ${name} \\{([^}]*)\\}`).exec(sdl)![1]!.matchAll(/^\s+([A-Z_]+)\s*$/gm)].map((m) => m[1]);
  it('holds the same vocabularies as the code and the migration', () => {
    expect(values('SensitiveSpotKind')).toEqual([...SPOT_KINDS]);
    expect(values('TranshumanceAlertTrigger')).toEqual([...ALERT_TRIGGERS]);
    expect(values('TranshumanceAlertStatus')).toEqual([...ALERT_STATUSES]);
    expect(values('TranshumanceAlertRecipientKind')).toEqual([...RECIPIENT_KINDS]);
  });
});

describe('a period cut at whole ISO weeks (the rollup answers those, the observations the days around them)', () => {
  // 2025-03-03 and 2025-03-10 are Mondays, 2025-03-09 and 2025-03-16 Sundays.
  it.each([
    ['Monday to Sunday: whole weeks only', '2025-03-03', '2025-03-16', '2025-03-03', '2025-03-17'],
    ['Saturday to Monday: days at both ends', '2025-03-01', '2025-03-17', '2025-03-03', '2025-03-17'],
    ['Wednesday to Tuesday: no whole week, two cut ones', '2025-03-05', '2025-03-11', '2025-03-10', '2025-03-10'],
    ['inside one week', '2025-03-05', '2025-03-07', '2025-03-08', '2025-03-08'],
    ['one Sunday', '2025-03-09', '2025-03-09', '2025-03-10', '2025-03-10'],
    ['one Monday', '2025-03-10', '2025-03-10', '2025-03-10', '2025-03-10'],
    ['Sunday to Monday across a year end', '2024-12-29', '2026-01-05', '2024-12-30', '2026-01-05'],
  ])('%s', (_, from, to, wholeWeeksFrom, wholeWeeksUntil) => {
    const cut = cutAtWholeWeeks(from, to);
    expect(cut).toEqual({
      from,
      wholeWeeksFrom,
      wholeWeeksUntil,
      until: new Date(Date.parse(`${to}T00:00:00Z`) + DAY).toISOString().slice(0, 10),
    });
    // The three parts follow each other; whole weeks run Monday to Monday.
    expect(from <= cut.wholeWeeksFrom && cut.wholeWeeksFrom <= cut.wholeWeeksUntil && cut.wholeWeeksUntil <= cut.until).toBe(true);
    if (cut.wholeWeeksFrom < cut.wholeWeeksUntil) {
      expect(new Date(`${cut.wholeWeeksFrom}T00:00:00Z`).getUTCDay()).toBe(1);
      expect(new Date(`${cut.wholeWeeksUntil}T00:00:00Z`).getUTCDay()).toBe(1);
    }
  });

  // 0001-01-01, 9999-12-20 and 9999-12-27 are Mondays, 9999-12-31 a Friday, 0050-02-15 and 0999-12-31 Tuesdays.
  it.each([
    ['the last days of the calendar', '9999-12-20', '9999-12-31', '9999-12-20', '9999-12-27', '10000-01-01'],
    ['the last day alone', '9999-12-31', '9999-12-31', '10000-01-01', '10000-01-01', '10000-01-01'],
    ['the first two weeks', '0001-01-01', '0001-01-14', '0001-01-01', '0001-01-15', '0001-01-15'],
    ['in year 50 (not 1950)', '0050-02-15', '0050-03-10', '0050-02-21', '0050-03-07', '0050-03-11'],
    ['across year 1000', '0999-12-31', '1000-01-12', '1000-01-06', '1000-01-13', '1000-01-13'],
  ])('at the ends of the calendar, in dates PostgreSQL reads: %s', (_, from, to, wholeWeeksFrom, wholeWeeksUntil, until) => {
    expect(cutAtWholeWeeks(from, to)).toEqual({ from, wholeWeeksFrom, wholeWeeksUntil, until });
  });
});
