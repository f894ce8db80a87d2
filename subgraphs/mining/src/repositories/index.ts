import type { DataSource } from 'typeorm';
import { AggregateRepository } from './aggregate-repository';
import { ConsultationRepository } from './consultation-repository';
import { DialogueRepository } from './dialogue-repository';
import { InstrumentRepository } from './instrument-repository';
import { MediaRepository } from './media-repository';
import { SiteRepository } from './site-repository';
import { TrainingRepository } from './training-repository';

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
