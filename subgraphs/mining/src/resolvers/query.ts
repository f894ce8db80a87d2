import { isoDate } from '@peacegraph/kit';
import type { PageArgs } from '@peacegraph/kit';
import type { MiningContext } from '../context';
import { ECPF_COMPONENTS } from '../entities';
import type { CoverageLevel, KnowledgeGainGrouping, PeopleTrainedGrouping } from '../repositories/aggregate-repository';
import type { ConsultationFilter } from '../repositories/consultation-repository';
import type { DialogueFilter } from '../repositories/dialogue-repository';
import type { LegalInstrumentFilter, ProvisionFilter } from '../repositories/instrument-repository';
import type { MediaFilter, PublicationFilter } from '../repositories/media-repository';
import type { MiningSiteFilter } from '../repositories/site-repository';
import type { CoverageFilterInput, TrainingFilterInput } from '../services/aggregate-service';
import { trainingFilter } from '../services/aggregate-service';

type Dated<F> = Omit<F, 'from' | 'to'> & { from?: Date | null; to?: Date | null };
type ById = { id: string };
type C = MiningContext;

/** Date filters arrive as Dates from the scalar; lists compare SQL dates. */
function dates<F extends object>(filter: Dated<F> | null | undefined): F {
  const { from, to, ...rest } = filter ?? ({} as Dated<F>);
  return { ...rest, from: from ? isoDate(from) : null, to: to ? isoDate(to) : null } as unknown as F;
}

export const Query = {
  legalInstrument: (_: unknown, { id }: ById, { loaders }: C) => loaders.instrument.load(id),
  legalInstruments: (_: unknown, args: { filter?: LegalInstrumentFilter | null } & PageArgs, { repositories }: C) =>
    repositories.instruments.list(args.filter ?? {}, args),
  provision: (_: unknown, { id }: ById, { loaders }: C) => loaders.provision.load(id),
  provisions: (_: unknown, args: { filter?: ProvisionFilter | null } & PageArgs, { repositories }: C) =>
    repositories.instruments.listProvisions(args.filter ?? {}, args),
  ecpfComponents: () => ECPF_COMPONENTS.map(([component, name], i) => ({ component, name, number: i + 1 })),

  miningSite: (_: unknown, { id }: ById, { loaders }: C) => loaders.site.load(id),
  miningSites: (_: unknown, args: { filter?: MiningSiteFilter | null } & PageArgs, { repositories }: C) =>
    repositories.sites.list(args.filter ?? {}, args),

  communityConsultation: (_: unknown, { id }: ById, { loaders }: C) => loaders.consultation.load(id),
  communityConsultations: (_: unknown, args: { filter?: Dated<ConsultationFilter> | null } & PageArgs, { repositories }: C) =>
    repositories.consultations.list(dates<ConsultationFilter>(args.filter), args),

  miningTraining: (_: unknown, { id }: ById, { loaders }: C) => loaders.training.load(id),
  miningTrainings: (_: unknown, args: { filter?: TrainingFilterInput | null } & PageArgs, { repositories }: C) =>
    repositories.trainings.list(trainingFilter(args.filter), args),

  policyDialogue: (_: unknown, { id }: ById, { loaders }: C) => loaders.dialogue.load(id),
  policyDialogues: (_: unknown, args: { filter?: Dated<DialogueFilter> | null } & PageArgs, { repositories }: C) =>
    repositories.dialogues.list(dates<DialogueFilter>(args.filter), args),

  mediaIntervention: (_: unknown, { id }: ById, { loaders }: C) => loaders.media.load(id),
  mediaInterventions: (_: unknown, args: { filter?: Dated<MediaFilter> | null } & PageArgs, { repositories }: C) =>
    repositories.media.list(dates<MediaFilter>(args.filter), args),

  publication: (_: unknown, { id }: ById, { loaders }: C) => loaders.publication.load(id),
  publications: (_: unknown, args: { filter?: Dated<PublicationFilter> | null } & PageArgs, { repositories }: C) =>
    repositories.media.listPublications(dates<PublicationFilter>(args.filter), args),

  miningPeopleTrained: (
    _: unknown,
    args: { filter?: TrainingFilterInput | null; groupBy?: PeopleTrainedGrouping | null },
    { aggregates }: C,
  ) => aggregates.peopleTrained(args.filter, args.groupBy),
  miningKnowledgeGain: (
    _: unknown,
    args: { filter?: TrainingFilterInput | null; groupBy?: KnowledgeGainGrouping | null },
    { aggregates }: C,
  ) => aggregates.knowledgeGain(args.filter, args.groupBy),
  miningCoverage: (_: unknown, args: { filter?: CoverageFilterInput | null; level?: CoverageLevel | null }, { aggregates }: C) =>
    aggregates.coverage(args.filter, args.level),
};
