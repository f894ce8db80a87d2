/**
 * What the resolvers of each GraphQL type receive as parent and return: the rows, not the SDL's shapes.
 * `npm run codegen` reads every `<GraphQLType>Mapper` exported here into src/generated/resolvers.ts;
 * connections are the kit's `Connection` of their node's type without being listed.
 */
import type { CommunityConsultation } from '../consultation/consultation.entity';
import type { LegalInstrument, Provision } from '../legal-instrument/legal-instrument.entity';
import type { MediaIntervention, Publication } from '../media/media.entity';
import type { MiningSite } from '../mining-site/mining-site.entity';
import type { CommitmentStatusChange, PolicyCommitment, PolicyDialogue } from '../policy-dialogue/policy-dialogue.entity';
import type { MiningTraining } from '../training/training.entity';
import type { AggregateService, PeopleTrainedGroup } from '../statistics/statistics.service';

// The directory's entities: mining holds their keys only (references.ts).
export type { CommunityMapper, AdminAreaMapper, OrganisationMapper, CountryMapper, LanguageMapper } from '@peacegraph/kit/input';

export type LegalInstrumentMapper = LegalInstrument;
export type ProvisionMapper = Provision;
export type MiningSiteMapper = MiningSite;
export type CommunityConsultationMapper = CommunityConsultation;
export type MiningTrainingMapper = MiningTraining;
export type PolicyDialogueMapper = PolicyDialogue;
export type PolicyCommitmentMapper = PolicyCommitment;
export type PolicyCommitmentStatusChangeMapper = CommitmentStatusChange;
export type MediaInterventionMapper = MediaIntervention;
export type PublicationMapper = Publication;

// Figures as the aggregate service computes them, keyed by what they are about.
export type PeopleTrainedGroupMapper = PeopleTrainedGroup;
export type KnowledgeGainGroupMapper = Awaited<ReturnType<AggregateService['knowledgeGain']>>['groups'][number];
export type MiningAreaCoverageMapper = Awaited<ReturnType<AggregateService['coverage']>>['areas'][number];
