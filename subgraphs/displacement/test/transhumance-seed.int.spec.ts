import { seedTranshumanceDemo } from '../src/seed/transhumance';
import { ok } from './fixtures';
import { startDisplacement, type DisplacementUnderTest } from './support';

let sub: DisplacementUnderTest;
beforeAll(async () => {
  sub = await startDisplacement();
}, 120_000);
afterAll(() => sub?.stop());

type Alert = {
  kind: string;
  trigger: string | null;
  status: string;
  raisedBy: string;
  reasoning: string | null;
  spot: { name: string } | null;
  evidence: { rule: string } | null;
};

describe('the transhumance demo data', () => {
  it('loads once, through the services, and the early action raises an alert of each rule from its herds', async () => {
    expect(await seedTranshumanceDemo(sub.db.dataSource, sub.directory.url)).toBe(true);
    const before = await sub.allRows();
    expect(await seedTranshumanceDemo(sub.db.dataSource, sub.directory.url)).toBe(false);
    expect(await sub.allRows()).toEqual(before);
    expect(before).toMatchObject({ transhumance_corridor: 3, sensitive_spot: 10, counting_point: 5 });
    // A few hundred, however much of the last 160 days the calendars cover.
    expect(before.flow_observation).toBeGreaterThan(150);

    const { transhumanceAlerts } = await ok<{ transhumanceAlerts: { edges: { node: Alert }[] } }>(
      sub.owner,
      `{ transhumanceAlerts(first: 50) { edges { node { kind trigger status raisedBy reasoning spot { name } evidence { rule } } } } }`,
    );
    const alerts = transhumanceAlerts.edges.map((e) => e.node);
    const automatic = alerts.filter((a) => a.raisedBy === 'SERVICE');
    const approaching = automatic
      .filter((a) => a.evidence!.rule === 'HERD_APPROACHING_SPOT')
      .map((a) => a.spot!.name)
      .sort();
    expect(approaching).toEqual(expect.arrayContaining(['Dori livestock market', 'Gorgadji sorghum fields']));
    expect(automatic.some((a) => a.evidence!.rule === 'OUTSIDE_SEASON' && a.reasoning!.includes('Ansongo counting point'))).toBe(true);
    expect(automatic.find((a) => a.spot?.name === 'Dori livestock market')!.reasoning).toMatch(
      /^420 cattle, 650 sheep and 120 goats \(371 TLU\) passed Gorgadji counting point heading east on \d+ \w{3}; at 15 km\/day they reach Dori livestock market \(market\), \d+ km on, around/,
    );
    expect(
      alerts
        .filter((a) => a.raisedBy === 'PARTNER')
        .map((a) => [a.kind, a.status])
        .sort(),
    ).toEqual([
      ['EVENT', 'CLOSED'],
      ['PREVENTION', 'CLOSED'],
    ]);
  });

  it('took the Gorgadji clash through every step, dated, with its recipients', async () => {
    const { transhumanceAlerts } = await ok<{
      transhumanceAlerts: {
        edges: {
          node: {
            history: { from: string | null; to: string; actor: string }[];
            recipients: { kind: string; organisation: { id: string } | null }[];
            dismissed: boolean;
          };
        }[];
      };
    }>(
      sub.owner,
      `{ transhumanceAlerts(filter: { kind: EVENT }) { edges { node { dismissed history { from to actor } recipients { kind organisation { id } } } } } }`,
    );
    const [event] = transhumanceAlerts.edges.map((e) => e.node);
    expect(event!.history.map((h) => h.to)).toEqual(['RAISED', 'VERIFIED', 'DISSEMINATED', 'RESPONSE_RECORDED', 'CLOSED']);
    expect(event!.history.every((h) => h.actor === 'demo-seed')).toBe(true);
    expect(event!.recipients.map((r) => r.kind)).toEqual(['AUTHORITY', 'HERDER_ASSOCIATION', 'COMMUNITY_LEADERS', 'MINISTRY']);
    expect(event!.dismissed).toBe(false);
    const { transhumanceAlertStats } = await ok<{
      transhumanceAlertStats: { toVerification: { alerts: number; medianHours: number }; toResponse: { medianHours: number } };
    }>(
      sub.owner,
      `{ transhumanceAlertStats(filter: { kind: EVENT }) { toVerification { alerts medianHours } toResponse { medianHours } } }`,
    );
    expect(transhumanceAlertStats).toEqual({ toVerification: { alerts: 1, medianHours: 5 }, toResponse: { medianHours: 48 } });
  });
});
