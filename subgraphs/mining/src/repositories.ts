import type { DataSource } from 'typeorm';
import { AggregateRepository } from './statistics/statistics.repository';
import { ConsultationRepository } from './consultation/consultation.repository';
import { DialogueRepository } from './policy-dialogue/policy-dialogue.repository';
import { InstrumentRepository } from './legal-instrument/legal-instrument.repository';
import { MediaRepository } from './media/media.repository';
import { SiteRepository } from './mining-site/mining-site.repository';
import { TrainingRepository } from './training/training.repository';

export interface Repositories {
  instruments: InstrumentRepository;
  sites: SiteRepository;
  consultations: ConsultationRepository;
  trainings: TrainingRepository;
  dialogues: DialogueRepository;
  media: MediaRepository;
  aggregates: AggregateRepository;
}

export function createRepositories(dataSource: DataSource): Repositories {
  return {
    instruments: new InstrumentRepository(dataSource),
    sites: new SiteRepository(dataSource),
    consultations: new ConsultationRepository(dataSource),
    trainings: new TrainingRepository(dataSource),
    dialogues: new DialogueRepository(dataSource),
    media: new MediaRepository(dataSource),
    aggregates: new AggregateRepository(dataSource),
  };
}
