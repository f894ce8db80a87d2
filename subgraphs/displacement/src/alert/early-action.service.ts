import type { RecordWrites } from '@peacegraph/kit/writes';
import type { Loaders } from '../loaders';
import type { Repositories } from '../repositories';
import type { EntityManager } from 'typeorm';
import { type TranshumanceAlert } from './alert.entity';
import { type TranshumanceCorridor } from '../corridor/corridor.entity';
import { effectiveSettings } from './early-action-settings';
import {
  herdsApproachingSpots,
  movementsOutsideSeason,
  type AlertProposal,
  type CorridorForRules,
  type ObservationForRules,
  type PlaceOnCorridor,
} from './early-action.rules';

const DAY_MS = 86_400_000;
/** The subject the service writes as, in alerts' `createdBy` and their history. */
export const EARLY_ACTION_ACTOR = 'early-action';

/**
 * Runs the early-action rules over corridors after observations were recorded there.
 *
 * Its own transaction, after the observations committed: observations are what counters saw in the
 * field and must be kept even if an evaluation fails; a retried batch (same clientMutationId) runs the
 * rules again, finishing what failed. Concurrent batches on one corridor evaluate one after the other
 * (a transaction-scoped advisory lock per corridor), each seeing the other's observations, so two of
 * them cannot raise the same alert twice.
 *
 * Idempotent: an open alert with the same rule key (spot or counting point, direction) whose expected
 * arrival lies within the horizon of the new one is the same alert. Still RAISED, it takes the new
 * evidence (herd, arrival, severity, reasoning) when that changed; once verified, people acted on
 * what they checked, and it is left as it is.
 */
export class EarlyActionService {
  constructor(
    private readonly repositories: Repositories,
    private readonly loaders: Loaders,
    private readonly writes: RecordWrites,
  ) {}

  async run(corridorIds: readonly string[], now = new Date()): Promise<TranshumanceAlert[]> {
    if (corridorIds.length === 0) return [];
    const touched = await this.repositories.transhumanceAlerts.earlyActionTransaction(async (manager) => {
      await this.repositories.transhumanceAlerts.holdEarlyActionOn(manager, corridorIds);
      const proposals = await this.propose(manager, corridorIds, now);
      const open = await this.repositories.transhumanceAlerts.openWithRuleKeys(manager, [
        ...new Set(proposals.map((p) => p.proposal.ruleKey)),
      ]);
      const alerts: TranshumanceAlert[] = [];
      for (const { proposal, corridor } of proposals) {
        const horizon = effectiveSettings(corridor.earlyAction).horizonDays * DAY_MS;
        const same = open.find(
          (a) =>
            a.ruleKey === proposal.ruleKey &&
            a.expectedArrival &&
            Math.abs(a.expectedArrival.getTime() - proposal.expectedArrival.getTime()) <= horizon,
        );
        if (!same) alerts.push(await this.raise(manager, proposal, corridor, now));
        else if (same.status === 'RAISED' && changed(same, proposal)) alerts.push(await this.refresh(manager, same, proposal));
      }
      return alerts;
    });
    if (touched.length) for (const alert of touched) this.loaders.transhumanceAlert.clear(alert.id);
    return touched;
  }

  /** What the rules propose on these corridors, from what the database holds now. */
  private async propose(
    manager: EntityManager,
    corridorIds: readonly string[],
    now: Date,
  ): Promise<{ proposal: AlertProposal; corridor: TranshumanceCorridor }[]> {
    const { transhumanceCorridors, countingPoints, sensitiveSpots, flowObservations } = this.repositories;
    const corridors = await transhumanceCorridors.byIdsInWrite(manager, corridorIds);
    if (corridors.length === 0) return [];
    const longest = Math.max(...corridors.map((c) => effectiveSettings(c.earlyAction).lookBackDays));
    const ids = corridors.map((c) => c.id);
    const points = await countingPoints.onCorridorsInWrite(manager, ids);
    const spots = await sensitiveSpots.onCorridorsInWrite(manager, ids);
    const observations = await flowObservations.recentOnCorridors(manager, ids, new Date(now.getTime() - longest * DAY_MS));
    const places = new Map<string, PlaceOnCorridor>(
      points.map((p) => [
        p.id,
        { id: p.id, name: p.name, kmAlong: p.kmAlong, adminPcode: p.adminPcode, latitude: p.latitude, longitude: p.longitude },
      ]),
    );
    const proposals: { proposal: AlertProposal; corridor: TranshumanceCorridor }[] = [];
    for (const corridor of corridors) {
      const rules: CorridorForRules = {
        id: corridor.id,
        name: corridor.name,
        season: corridor.season,
        settings: effectiveSettings(corridor.earlyAction),
      };
      const seen: ObservationForRules[] = observations
        .filter((o) => o.corridorId === corridor.id)
        .map((o) => ({
          id: o.id,
          countingPoint: places.get(o.countingPointId)!,
          observedAt: o.observedAt,
          direction: o.direction,
          heads: { cattle: o.cattle, sheep: o.sheep, goats: o.goats, camels: o.camels },
        }));
      const onCorridor = spots
        .filter((s) => s.corridorId === corridor.id && s.kmAlong !== null)
        .map((s) => ({
          id: s.id,
          name: s.name,
          kind: s.kind,
          kmAlong: s.kmAlong!,
          adminPcode: s.adminPcode,
          latitude: s.latitude,
          longitude: s.longitude,
        }));
      for (const proposal of [...herdsApproachingSpots(rules, seen, onCorridor, now), ...movementsOutsideSeason(rules, seen, now)])
        proposals.push({ proposal, corridor });
    }
    return proposals;
  }

  private async raise(manager: EntityManager, p: AlertProposal, corridor: TranshumanceCorridor, now: Date): Promise<TranshumanceAlert> {
    const alerts = this.repositories.transhumanceAlerts;
    const alert = await alerts.addAlert(manager, {
      ...proposalColumns(p),
      ownerOrg: corridor.ownerOrg,
      createdBy: EARLY_ACTION_ACTOR,
      clientMutationId: null,
      kind: 'PREVENTION',
      status: 'RAISED',
      raisedBy: 'SERVICE',
      summary: null,
      ruleKey: p.ruleKey,
      corridorId: p.corridorId,
      spotId: p.spotId,
      countryCode: p.adminPcode.slice(0, 2),
      raisedAt: now,
      dismissed: false,
    });
    await alerts.addTransition(manager, {
      alertId: alert.id,
      ownerOrg: alert.ownerOrg,
      fromStatus: null,
      toStatus: 'RAISED',
      at: now,
      actor: EARLY_ACTION_ACTOR,
      actorOrg: null,
      note: null,
    });
    await this.writes.recordWrite(
      manager,
      'raiseTranshumanceAlert',
      'TranshumanceAlert',
      [alert.id],
      ['trigger', 'severity', 'expectedArrival', 'herd', 'reasoning', 'evidence'],
      alert.ownerOrg,
    );
    return alert;
  }

  private async refresh(manager: EntityManager, alert: TranshumanceAlert, p: AlertProposal): Promise<TranshumanceAlert> {
    const alerts = this.repositories.transhumanceAlerts;
    await alerts.takeNewEvidence(manager, alert.id, proposalColumns(p));
    await this.writes.recordWrite(
      manager,
      'refreshTranshumanceAlert',
      'TranshumanceAlert',
      [alert.id],
      ['trigger', 'severity', 'expectedArrival', 'herd', 'reasoning', 'evidence'],
      alert.ownerOrg,
    );
    return alerts.inWrite(manager, alert.id);
  }
}

function proposalColumns(p: AlertProposal) {
  return {
    trigger: p.trigger,
    severity: p.severity,
    adminPcode: p.adminPcode,
    latitude: p.latitude,
    longitude: p.longitude,
    direction: p.direction,
    expectedArrival: p.expectedArrival,
    ...p.heads,
    tlu: p.tlu,
    reasoning: p.reasoning,
    evidence: p.evidence,
  };
}

function changed(alert: TranshumanceAlert, p: AlertProposal): boolean {
  const before = [...(alert.evidence?.observationIds ?? [])].sort().join();
  const after = [...p.evidence.observationIds].sort().join();
  return (
    before !== after ||
    alert.trigger !== p.trigger ||
    alert.severity !== p.severity ||
    alert.expectedArrival?.getTime() !== p.expectedArrival.getTime()
  );
}
