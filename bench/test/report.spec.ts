import { compare, formatComparison, formatMemory } from '../lib/report';
import type { Measurement } from '../lib/load';

function measured(scenario: string, target: Measurement['target'], requestsPerSecond: number, p99: number): Measurement {
  return {
    scenario,
    target,
    url: `http://localhost/${target}`,
    connections: 10,
    durationSeconds: 10,
    requests: requestsPerSecond * 10,
    requestsPerSecond,
    latencyMs: { p50: Math.round(p99 / 2), p90: p99 - 1, p99, max: p99 + 5, mean: p99 / 2 },
    errors: 0,
    timeouts: 0,
    non2xx: 0,
    graphqlErrors: 0,
    bytesPerSecond: 1000,
  };
}

describe('the comparison against issue 19 targets', () => {
  const measurements = [
    measured('conflict-stats', 'gateway', 270, 58),
    measured('conflict-stats', 'hive', 200, 80),
    measured('conflict-stats', 'direct', 300, 49),
    measured('community-list', 'gateway', 80, 200),
    measured('community-list', 'hive', 100, 150),
    measured('community-list', 'direct', 100, 120),
    measured('community-entities', 'direct', 250, 60),
  ];
  const rows = compare(measurements, new Set(['conflict-stats']));

  it('gives the throughput ratios of one run and says a statistics scenario meets its targets', () => {
    const stats = rows.find((r) => r.scenario === 'conflict-stats')!;
    expect(stats.gatewayOverDirect).toBe(0.9);
    expect(stats.gatewayOverHive).toBe(1.35);
    expect(stats.missed).toEqual([]);
  });

  it('names each missed target with its figure', () => {
    const list = rows.find((r) => r.scenario === 'community-list')!;
    expect(list.gatewayOverDirect).toBe(0.8);
    expect(list.gatewayOverHive).toBe(0.8);
    // Not a statistics scenario: its p99 of 200 ms is not held to the 60 ms target.
    expect(list.missed).toEqual(['gateway/direct 0.8 < 0.9', 'gateway/Hive 0.8 < 1.2']);
  });

  it('holds a statistics scenario to p99 under 50 ms direct and 60 ms through the gateway', () => {
    const slow = compare(
      [measured('stats', 'gateway', 100, 60), measured('stats', 'direct', 100, 50), measured('stats', 'hive', 50, 90)],
      new Set(['stats']),
    )[0]!;
    expect(slow.missed).toEqual(['direct p99 50 ms ≥ 50', 'gateway p99 60 ms ≥ 60']);
  });

  it('leaves ratios out where a target was not run', () => {
    const direct = rows.find((r) => r.scenario === 'community-entities')!;
    expect(direct.gatewayOverDirect).toBeUndefined();
    expect(direct.missed).toEqual([]);
    const table = formatComparison(rows).split('\n');
    expect(table).toHaveLength(2 + 3);
    expect(table[2]).toContain('conflict-stats (stats)');
    expect(table[2]).toMatch(/\| +0\.90 \| +1\.35 \| met +\|$/);
    expect(table[4]).toMatch(/^\| community-entities +\| +– \|/);
  });
});

describe('the memory table', () => {
  it('shows the growth over the second load, and a dash for a process that was gone', () => {
    const table = formatMemory({
      atRest: { gateway: 160, directory: 115.8 },
      afterFirstLoad: { gateway: 230.5, directory: 200 },
      afterSecondLoad: { gateway: 231.25, directory: null },
      loads: [
        { seconds: 120.02, requests: 1000, requestsPerSecond: 8.3, failed: 0 },
        { seconds: 120.01, requests: 1000, requestsPerSecond: 8.3, failed: 0 },
      ],
    }).split('\n');
    expect(table[0]).toContain('after 120 s load');
    expect(table[2]).toMatch(/^\| gateway +\| +160\.0 \| +230\.5 \| +231\.3 \| +\+0\.8 \|$/);
    expect(table[3]).toMatch(/^\| directory +\| +115\.8 \| +200\.0 \| +– \| +– \|$/);
  });
});
