import { ok } from '../../test/fixtures';
import { OTHER_PARTNER, RECONCILIATION_MINISTRY, startDisplacement, type DisplacementUnderTest } from '../../test/support';
import { createCorridor, createSpot } from '../../test/transhumance-world';

let sub: DisplacementUnderTest;
let spot: string;
beforeAll(async () => {
  sub = await startDisplacement();
  const corridor = await createCorridor(sub.owner, {});
  spot = (await createSpot(sub.owner, { name: 'Seytenga fields', kind: 'CROPLAND', latitude: 14.2, corridor: corridor.id })).id;
}, 120_000);
afterAll(() => sub?.stop());

type Errors = { message: string; extensions?: Record<string, unknown> }[] | undefined;
type Alert = { id: string; status: string; version: number };

const RAISE = `mutation ($input: RaiseTranshumanceAlertInput!) { raiseTranshumanceAlert(input: $input) { id status version } }`;
const STEP = {
  verify: `mutation ($id: ID!, $v: Int!, $input: TranshumanceAlertStepInput) { step: verifyTranshumanceAlert(id: $id, version: $v, input: $input) { id status version } }`,
  disseminate: `mutation ($id: ID!, $v: Int!, $input: DisseminateTranshumanceAlertInput!) { step: disseminateTranshumanceAlert(id: $id, version: $v, input: $input) { id status version } }`,
  respond: `mutation ($id: ID!, $v: Int!, $input: TranshumanceAlertResponseInput!) { step: recordTranshumanceAlertResponse(id: $id, version: $v, input: $input) { id status version } }`,
  close: `mutation ($id: ID!, $v: Int!, $input: CloseTranshumanceAlertInput!) { step: closeTranshumanceAlert(id: $id, version: $v, input: $input) { id status version } }`,
};
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

async function raise(over: Record<string, unknown> = {}): Promise<Alert> {
  return (
    await ok<{ raiseTranshumanceAlert: Alert }>(sub.owner, RAISE, {
      input: { kind: 'EVENT', severity: 'HIGH', summary: 'Herd in the fields at night', spot, ...over },
    })
  ).raiseTranshumanceAlert;
}

async function step(name: keyof typeof STEP, alert: Alert, input?: Record<string, unknown>): Promise<Alert> {
  return (await ok<{ step: Alert }>(sub.owner, STEP[name], { id: alert.id, v: alert.version, input })).step;
}

describe('an alert’s life', () => {
  it('goes RAISED → VERIFIED → DISSEMINATED → RESPONSE_RECORDED → CLOSED, each step dated with its actor', async () => {
    let alert = await raise({ at: hoursAgo(50), cattle: 40, sheep: 100 });
    alert = await step('verify', alert, { at: hoursAgo(48), note: 'Seen by the monitor' });
    alert = await step('disseminate', alert, {
      at: hoursAgo(40),
      recipients: [
        { kind: 'AUTHORITY', name: 'Prefect of Seytenga' },
        { kind: 'MINISTRY', name: 'Reconciliation ministry', organisation: RECONCILIATION_MINISTRY },
      ],
    });
    alert = await step('respond', alert, { at: hoursAgo(20), response: 'Mediation held; compensation agreed', respondedBy: 'Prefect' });
    alert = await step('close', alert, {});
    expect(alert).toMatchObject({ status: 'CLOSED', version: 5 });
    const { transhumanceAlert } = await ok<{ transhumanceAlert: Record<string, unknown> }>(
      sub.owner,
      `query ($id: ID!) { transhumanceAlert(id: $id) { raisedBy herd { tlu } response respondedBy recipients { kind name organisation { id } }
         history { from to actor actorOrganisation { id } note } } }`,
      { id: alert.id },
    );
    expect(transhumanceAlert).toMatchObject({
      raisedBy: 'PARTNER',
      herd: { tlu: 38 },
      response: 'Mediation held; compensation agreed',
      recipients: [
        { kind: 'AUTHORITY', name: 'Prefect of Seytenga', organisation: null },
        { kind: 'MINISTRY', organisation: { id: RECONCILIATION_MINISTRY } },
      ],
    });
    expect((transhumanceAlert.history as { from: string | null; to: string; actor: string }[]).map((h) => [h.from, h.to, h.actor])).toEqual(
      [
        [null, 'RAISED', 'officer-1'],
        ['RAISED', 'VERIFIED', 'officer-1'],
        ['VERIFIED', 'DISSEMINATED', 'officer-1'],
        ['DISSEMINATED', 'RESPONSE_RECORDED', 'officer-1'],
        ['RESPONSE_RECORDED', 'CLOSED', 'officer-1'],
      ],
    );
    const { data: received } = await sub.owner<{ _entities: { transhumanceAlertsReceived: { id: string }[] }[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Organisation { transhumanceAlertsReceived { id } } } }`,
      { r: [{ __typename: 'Organisation', id: RECONCILIATION_MINISTRY }] },
    );
    expect(received!._entities[0]!.transhumanceAlertsReceived).toEqual([{ id: alert.id }]);
  });

  it('refuses steps out of order, and a dismissal after dissemination or without a reason', async () => {
    const alert = await raise();
    const before = await sub.allRows();
    const skip = await sub.owner(STEP.respond, { id: alert.id, v: 1, input: { response: 'x', respondedBy: 'y' } });
    expect((skip.errors as Errors)![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id', status: 'RAISED' });
    const noReason = await sub.owner(STEP.close, { id: alert.id, v: 1, input: { dismissed: true } });
    expect((noReason.errors as Errors)![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    const early = await sub.owner(STEP.verify, { id: alert.id, v: 1, input: { at: hoursAgo(1000) } });
    expect((early.errors as Errors)![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.at' });
    expect(await sub.allRows()).toEqual(before);

    let moved = await step('verify', alert);
    moved = await step('disseminate', moved, { recipients: [{ kind: 'COMMUNITY_LEADERS', name: 'Chief of Seytenga' }] });
    const late = await sub.owner(STEP.close, { id: alert.id, v: moved.version, input: { dismissed: true, reason: 'Nothing happened' } });
    expect((late.errors as Errors)![0]!.message).toMatch(/disseminated cannot be dismissed/);
  });

  it('dismisses a false alarm from RAISED with its reason', async () => {
    const alert = await raise({ kind: 'PREVENTION', trigger: 'MASSIVE', severity: 'MEDIUM' });
    const closed = await step('close', alert, { dismissed: true, reason: 'The herd turned back' });
    expect(closed.status).toBe('CLOSED');
  });

  it('two simultaneous steps from the same version: one wins, the other gets CONFLICT', async () => {
    const alert = await raise();
    const [a, b] = await Promise.all([
      sub.owner(STEP.verify, { id: alert.id, v: 1, input: { note: 'first' } }),
      sub.owner(STEP.close, { id: alert.id, v: 1, input: { dismissed: true, reason: 'second' } }),
    ]);
    const codes = [a, b].map((r) => (r.errors ? (r.errors as Errors)![0]!.extensions!.code : 'OK')).sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const [{ n }] = await sub.db.dataSource.query(`SELECT count(*)::int AS n FROM transhumance_alert_transition WHERE alert_id = $1`, [
      alert.id,
    ]);
    expect(n).toBe(2);
  });

  it.each([
    [{ kind: 'EVENT', trigger: 'MASSIVE' }, 'input.trigger'],
    [{ kind: 'PREVENTION' }, 'input.trigger'],
    [{ spot: null }, 'input.spot'],
    [{ adminArea: 'NE006002' }, 'input.adminArea'],
    [{ summary: ' ' }, 'input.summary'],
    [{ cattle: -3 }, 'input.cattle'],
    [{ at: new Date(Date.now() + 86_400_000).toISOString() }, 'input.at'],
  ])('refuses to raise with %j on %s, writing nothing', async (over, field) => {
    const before = await sub.allRows();
    const { errors } = await sub.owner(RAISE, { input: { kind: 'EVENT', severity: 'HIGH', summary: 'Clash', spot, ...over } });
    expect((errors as Errors)![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await sub.allRows()).toEqual(before);
  });

  it('only the owner moves an alert on', async () => {
    const alert = await raise();
    const other = await sub.as(OTHER_PARTNER, 'displacement:write');
    const { errors } = await other(STEP.verify, { id: alert.id, v: 1 });
    expect((errors as Errors)![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});

describe('alerts by status and response time', () => {
  it('counts by status, kind, trigger and severity, with median and 90th percentile hours', async () => {
    const { transhumanceAlertStats } = await ok<{ transhumanceAlertStats: Record<string, unknown> }>(
      sub.owner,
      `{ transhumanceAlertStats { total byStatus { value alerts } byKind { value alerts } byTrigger { value alerts } bySeverity { value alerts }
         toVerification { alerts medianHours p90Hours } toDissemination { alerts medianHours } toResponse { alerts medianHours p90Hours } } }`,
    );
    // Five alerts: the full life (verified after 2 h, disseminated after 10 h, answered after 30 h), the one
    // taken out of order (verified and disseminated at once), the dismissed one, the concurrent one and the
    // one another partner could not touch.
    expect(transhumanceAlertStats).toMatchObject({
      total: 5,
      byKind: [
        { value: 'EVENT', alerts: 4 },
        { value: 'PREVENTION', alerts: 1 },
      ],
      byTrigger: [{ value: 'MASSIVE', alerts: 1 }],
      toResponse: { alerts: 1, medianHours: 30, p90Hours: 30 },
      toDissemination: { alerts: 2 },
    });
    const toVerification = transhumanceAlertStats.toVerification as { alerts: number; medianHours: number; p90Hours: number };
    expect(toVerification.alerts).toBeGreaterThanOrEqual(2);
    expect(toVerification.p90Hours).toBeGreaterThan(toVerification.medianHours);
  });
});
