import { type Viewer } from '@peacegraph/kit/auth';
import { groupedLoader, keyedLoader, perArguments } from '@peacegraph/kit/sql';
import type { TrainingKind } from './common/values';
import type { Repositories } from './repositories';
import type { CoverageRow } from './statistics/statistics.repository';

type TrainingListArgs = { kind: TrainingKind | null; first: number };
type FirstArgs = { first: number };
type PeriodArgs = { from: string | null; to: string | null };

/** Most trainings listed under one site. */
export const SITE_TRAININGS = 100;

/** Fresh per request: a loader's cache must never outlive the caller it was filled for. */
export function createLoaders(repositories: Repositories, viewer: Viewer) {
  const { instruments, sites, consultations, trainings, dialogues, media, aggregates } = repositories;
  const viewerOrg = viewer.kind === 'partner' ? viewer.organisationId : '00000000-0000-0000-0000-000000000000';
  return {
    instrument: keyedLoader(
      (ids: readonly string[]) => instruments.byIds(ids),
      (i) => i.id,
    ),
    provision: keyedLoader(
      (ids: readonly string[]) => instruments.provisionsByIds(ids),
      (p) => p.id,
    ),
    provisionsOfInstrument: groupedLoader(
      (ids: readonly string[]) => instruments.provisionsOf(ids),
      (p) => p.instrumentId,
    ),
    site: keyedLoader(
      (ids: readonly string[]) => sites.byIds(ids),
      (s) => s.id,
    ),
    consultation: keyedLoader(
      (ids: readonly string[]) => consultations.byIds(ids),
      (c) => c.id,
    ),
    groupsOfConsultation: groupedLoader(
      (ids: readonly string[]) => consultations.groupsOf(ids),
      (g) => g.consultationId,
    ),
    training: keyedLoader(
      (ids: readonly string[]) => trainings.byIds(ids),
      (t) => t.id,
    ),
    groupsOfTraining: groupedLoader(
      (ids: readonly string[]) => trainings.groupsOf(ids),
      (g) => g.trainingId,
    ),
    trainingsAtSite: groupedLoader(
      (ids: readonly string[]) => trainings.atSites(ids, SITE_TRAININGS),
      (t) => t.siteId ?? '',
    ),
    dialogue: keyedLoader(
      (ids: readonly string[]) => dialogues.byIds(ids),
      (d) => d.id,
    ),
    groupsOfDialogue: groupedLoader(
      (ids: readonly string[]) => dialogues.groupsOf(ids),
      (g) => g.dialogueId,
    ),
    commitment: keyedLoader(
      (ids: readonly string[]) => dialogues.commitmentsByIds(ids),
      (c) => c.id,
    ),
    commitmentsOfDialogue: groupedLoader(
      (ids: readonly string[]) => dialogues.commitmentsOf(ids),
      (c) => c.dialogueId,
    ),
    historyOfCommitment: groupedLoader(
      (ids: readonly string[]) => dialogues.historyOf(ids),
      (h) => h.commitmentId,
    ),
    media: keyedLoader(
      (ids: readonly string[]) => media.byIds(ids),
      (m) => m.id,
    ),
    publication: keyedLoader(
      (ids: readonly string[]) => media.publicationsByIds(ids),
      (p) => p.id,
    ),

    // Lists and figures under the directory's entities, one statement per field and argument set.
    sitesOfCommunity: perArguments(({ first }: FirstArgs) =>
      groupedLoader(
        (ids: readonly string[]) => sites.ofCommunities(ids, first),
        (s) => s.communityId,
      ),
    ),
    sitesOperatedBy: perArguments(({ first }: FirstArgs) =>
      groupedLoader(
        (ids: readonly string[]) => sites.operatedBy(ids, first),
        (s) => s.operatorId ?? '',
      ),
    ),
    trainingsOfCommunity: perArguments((args: TrainingListArgs) =>
      groupedLoader(
        (ids: readonly string[]) => trainings.ofCommunities(ids, args),
        (t) => t.communityId,
      ),
    ),
    consultationsOfCommunity: perArguments(({ first }: FirstArgs) =>
      groupedLoader(
        (ids: readonly string[]) => consultations.ofCommunities(ids, first),
        (c) => c.communityId,
      ),
    ),
    // A training lies in every asked area whose P-code starts its own: a region and its province.
    trainingsInArea: perArguments((args: TrainingListArgs) =>
      groupedLoader(
        async (pcodes: readonly string[]) =>
          (await trainings.inAreas(pcodes, args)).map((training) => ({
            training,
            areas: pcodes.filter((p) => training.adminPcode.startsWith(p)),
          })),
        (found) => found.areas,
      ),
    ),
    trainingsGivenBy: perArguments(({ first }: FirstArgs) =>
      groupedLoader(
        (ids: readonly string[]) => trainings.givenBy(ids, first),
        (t) => t.trainerIds,
      ),
    ),
    reachOfArea: perArguments((period: PeriodArgs) =>
      keyedLoader(
        (pcodes: readonly string[]) => aggregates.areaReach(pcodes, period, viewerOrg),
        (row: CoverageRow) => row.key,
      ),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
