import type { Repositories } from '../repositories';
import { type Viewer } from '@peacegraph/kit/auth';
import { badInput } from '@peacegraph/kit/errors';
import { distinct, period } from '@peacegraph/kit/input';
import { tropicalLivestockUnits } from '../common/transhumance-values';
import { discloseOne } from '../common/disclosure';
import type { AlertFilter } from '../alert/alert.repository';
import type { TranshumanceFlowFilter } from '../generated/resolvers';

const MAX_CORRIDORS = 50;
/** Three years of weeks: enough to compare seasons, small enough to answer at once. */
const MAX_DAYS = 3 * 366;

/** Weekly flows by corridor, and alerts by status and how fast they moved on. */
export class TranshumanceAggregates {
  constructor(
    private readonly viewer: Viewer,
    private readonly repositories: Repositories,
  ) {}

  async flows(filter: TranshumanceFlowFilter) {
    const { from, to } = period('filter.from', filter.from, 'filter.to', filter.to);
    if ((Date.parse(to!) - Date.parse(from!)) / 86_400_000 > MAX_DAYS) throw badInput('filter.to', `At most ${MAX_DAYS} days at once`);
    const corridors = filter.corridors ? distinct('filter.corridors', filter.corridors, (id) => `Corridor ${id}`) : null;
    if (corridors && corridors.length > MAX_CORRIDORS) throw badInput('filter.corridors', `At most ${MAX_CORRIDORS} corridors at once`);
    const viewer = this.viewer;
    const rows = await this.repositories.flowObservations.weekly(
      { corridors, from: from!, to: to!, direction: filter.direction ?? null },
      viewer.kind === 'partner' ? viewer.organisationId : null,
    );
    return rows.map((row) => ({
      corridorId: row.corridorId,
      week: row.week,
      weekStart: row.weekStart,
      observations: row.observations,
      heads: { cattle: row.cattle, sheep: row.sheep, goats: row.goats, camels: row.camels, tlu: tropicalLivestockUnits(row) },
      // Herders are people: exact for the organisation that counted them, disclosure-controlled for others.
      herders: discloseOne(row.herders, row.ownedByViewer),
    }));
  }

  async alertStats(filter: AlertFilter) {
    const alerts = this.repositories.transhumanceAlerts;
    const [counts, times] = await Promise.all([alerts.counts(filter), alerts.responseTimes(filter)]);
    const by = (dimension: string) =>
      counts
        .filter((c) => c.dimension === dimension && c.value !== null)
        .map((c) => ({ value: c.value!, alerts: c.alerts }))
        .sort((a, b) => a.value.localeCompare(b.value));
    const time = (step: string) => {
      const t = times.find((r) => r.step === step)!;
      return { alerts: t.alerts, medianHours: round(t.medianHours), p90Hours: round(t.p90Hours) };
    };
    return {
      total: counts.find((c) => c.dimension === 'total')?.alerts ?? 0,
      byStatus: by('status'),
      byKind: by('kind'),
      byTrigger: by('trigger'),
      bySeverity: by('severity'),
      toVerification: time('verification'),
      toDissemination: time('dissemination'),
      toResponse: time('response'),
    };
  }
}

function round(hours: number | null): number | null {
  return hours === null ? null : Math.round(hours * 100) / 100;
}
