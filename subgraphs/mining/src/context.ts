import { type AuditRecorder } from '@peacegraph/kit/audit';
import { type Viewer } from '@peacegraph/kit/auth';
import { ReferenceChecks } from '@peacegraph/kit/input';
import { type PolicyContext } from '@peacegraph/kit/policy';
import type { DataSource } from 'typeorm';
import { clearLoaders, createLoaders, type Loaders } from './loaders';
import { createRepositories, type Repositories } from './repositories';
import { AggregateService } from './services/aggregate-service';
import { ConsultationService } from './services/consultation-service';
import { DialogueService } from './services/dialogue-service';
import { InstrumentService } from './services/instrument-service';
import { MediaService } from './services/media-service';
import { SiteService } from './services/site-service';
import { TrainingService } from './services/training-service';
import { Writes } from './services/writes';

export interface MiningContext extends PolicyContext {
  dataSource: DataSource;
  loaders: Loaders;
  repositories: Repositories;
  instruments: InstrumentService;
  sites: SiteService;
  consultations: ConsultationService;
  trainings: TrainingService;
  dialogues: DialogueService;
  media: MediaService;
  aggregates: AggregateService;
}

/** Per request: the verified caller, fresh loaders and directory lookups, services bound to them. */
export function createContextFactory(dataSource: DataSource, directoryUrl: string) {
  const repositories = createRepositories(dataSource);
  return async (viewer: Viewer, audit: AuditRecorder): Promise<MiningContext> => {
    const loaders = createLoaders(repositories, viewer);
    const directory = ReferenceChecks.at(directoryUrl);
    const writes = new Writes(dataSource, viewer, audit, () => clearLoaders(loaders));
    return {
      viewer,
      audit,
      dataSource,
      loaders,
      repositories,
      instruments: new InstrumentService(loaders, writes),
      sites: new SiteService(repositories, loaders, directory, writes),
      consultations: new ConsultationService(loaders, directory, writes),
      trainings: new TrainingService(loaders, directory, writes),
      dialogues: new DialogueService(loaders, directory, writes, audit),
      media: new MediaService(loaders, directory, writes),
      aggregates: new AggregateService(repositories, viewer),
    };
  };
}
