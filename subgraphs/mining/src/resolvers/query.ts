import { isoDate, type DateInput } from '@peacegraph/kit/input';
import { ECPF_COMPONENTS } from '../entities';
import type { QueryResolvers } from '../generated/resolvers';
import type { ConsultationFilter } from '../repositories/consultation-repository';
import type { DialogueFilter } from '../repositories/dialogue-repository';
import type { MediaFilter, PublicationFilter } from '../repositories/media-repository';
import { trainingFilter } from '../services/aggregate-service';

type Dated<F> = Omit<F, 'from' | 'to'> & { from?: DateInput | null; to?: DateInput | null };

/** Date filters arrive as Dates from the scalar (DateInput in the generated types); lists compare SQL dates. */
function dates<F extends object>(filter: Dated<F> | null | undefined): F {
  const { from, to, ...rest } = filter ?? ({} as Dated<F>);
  return { ...rest, from: from ? isoDate(from) : null, to: to ? isoDate(to) : null } as unknown as F;
}

export const Query: QueryResolvers = {
  legalInstrument: (_, { id }, { loaders }) => loaders.instrument.load(id),
  legalInstruments: (_, args, { repositories }) => repositories.instruments.list(args.filter ?? {}, args),
  provision: (_, { id }, { loaders }) => loaders.provision.load(id),
  provisions: (_, args, { repositories }) => repositories.instruments.listProvisions(args.filter ?? {}, args),
  ecpfComponents: () => ECPF_COMPONENTS.map(([component, name], i) => ({ component, name, number: i + 1 })),

  miningSite: (_, { id }, { loaders }) => loaders.site.load(id),
  miningSites: (_, args, { repositories }) => repositories.sites.list(args.filter ?? {}, args),

  communityConsultation: (_, { id }, { loaders }) => loaders.consultation.load(id),
  communityConsultations: (_, args, { repositories }) => repositories.consultations.list(dates<ConsultationFilter>(args.filter), args),

  miningTraining: (_, { id }, { loaders }) => loaders.training.load(id),
  miningTrainings: (_, args, { repositories }) => repositories.trainings.list(trainingFilter(args.filter), args),

  policyDialogue: (_, { id }, { loaders }) => loaders.dialogue.load(id),
  policyDialogues: (_, args, { repositories }) => repositories.dialogues.list(dates<DialogueFilter>(args.filter), args),

  mediaIntervention: (_, { id }, { loaders }) => loaders.media.load(id),
  mediaInterventions: (_, args, { repositories }) => repositories.media.list(dates<MediaFilter>(args.filter), args),

  publication: (_, { id }, { loaders }) => loaders.publication.load(id),
  publications: (_, args, { repositories }) => repositories.media.listPublications(dates<PublicationFilter>(args.filter), args),

  miningPeopleTrained: (_, args, { aggregates }) => aggregates.peopleTrained(args.filter, args.groupBy),
  miningKnowledgeGain: (_, args, { aggregates }) => aggregates.knowledgeGain(args.filter, args.groupBy),
  miningCoverage: (_, args, { aggregates }) => aggregates.coverage(args.filter, args.level),
};
