import { ReadCache } from '@peacegraph/kit/sql';
import type { DataSource } from 'typeorm';
import { AlertRepository } from './alert/alert.repository';
import { AwarenessRepository } from './awareness/awareness.repository';
import { CorridorRepository } from './corridor/corridor.repository';
import { DisplacementReportRepository } from './displacement-report/displacement-report.repository';
import { FlowRepository } from './flow/flow.repository';
import { CountingPointRepository, SpotRepository } from './place/place.repository';
import { ReintegrationRepository } from './reintegration/reintegration.repository';
import { Caseload } from './statistics/reintegration-caseload';
import { DisplacementAggregates, type CaseloadSelection } from './statistics/statistics.repository';

/** The only code that touches TypeORM: one repository per aggregate, made once per subgraph. */
export function createRepositories(dataSource: DataSource) {
  const displacementAggregates = new DisplacementAggregates(dataSource);
  return {
    displacementReports: new DisplacementReportRepository(dataSource),
    reintegration: new ReintegrationRepository(dataSource),
    awarenessSessions: new AwarenessRepository(dataSource),
    displacementAggregates,
    /** Caseloads with their disclosure pattern, kept by the process while the rollup's version stays. */
    reintegrationCaseloads: keptCaseloads(displacementAggregates),
    transhumanceCorridors: new CorridorRepository(dataSource),
    sensitiveSpots: new SpotRepository(dataSource),
    countingPoints: new CountingPointRepository(dataSource),
    flowObservations: new FlowRepository(dataSource),
    transhumanceAlerts: new AlertRepository(dataSource),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;

/** Selections and viewers kept at once: a dashboard's few, with room for the filters partners try. */
const CASELOADS_KEPT = 64;

/**
 * The caseloads recently answered, with their disclosure pattern once decided (the costly part), kept
 * in the kit's ReadCache for the next request with the same selection and viewer. The rollup's version
 * (one row, moved in the transaction of every write to the cases or their assistance, by the rollup's
 * triggers) is read in the caseload's own statement, so a caseload is kept under the version it truly
 * reflects and a miss costs no extra statement; using a kept one first reads the version, and a
 * different one means something was written since. So nobody is shown figures older than a write
 * already committed, their own or another's, and each replica checks for itself. The viewer is part of
 * the key: whether the figures are the viewer's own (exact) is decided per organisation, and nothing
 * one viewer may see reaches another. A selection without cases (no version read) is not kept.
 */
function keptCaseloads(aggregates: DisplacementAggregates) {
  const kept = new ReadCache({ version: () => aggregates.caseloadVersion(), entries: CASELOADS_KEPT });
  return {
    of(selection: CaseloadSelection, viewerOrg: string): Promise<Caseload> {
      const key = JSON.stringify([
        viewerOrg,
        selection.programme ?? null,
        selection.organisation ?? null,
        selection.registeredFrom ?? null,
        selection.registeredTo ?? null,
      ]);
      return kept.getVersioned(key, async () => {
        const { version, rows } = await aggregates.caseloadAtVersion(selection, viewerOrg);
        return { version, answer: new Caseload(rows) };
      });
    },
  };
}
