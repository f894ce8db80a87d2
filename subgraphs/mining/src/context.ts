import { type AuditRecorder } from '@peacegraph/kit/audit';
import { type Viewer } from '@peacegraph/kit/auth';
import { ReferenceChecks } from '@peacegraph/kit/input';
import { type PolicyContext } from '@peacegraph/kit/policy';
import { RecordWrites } from '@peacegraph/kit/writes';
import type { DataSource } from 'typeorm';
import { clearLoaders, createLoaders, type Loaders } from './loaders';
import { createRepositories, type Repositories } from './repositories';
import { AggregateService } from './statistics/statistics.service';
import { ConsultationService } from './consultation/consultation.service';
import { DialogueService } from './policy-dialogue/policy-dialogue.service';
import { InstrumentService } from './legal-instrument/legal-instrument.service';
import { MediaService } from './media/media.service';
import { SiteService } from './mining-site/mining-site.service';
import { TrainingService } from './training/training.service';

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
    // The kit's one write path (scope mining:write, owner, version, audit, retries). A write clears the
    // request's loaders, so the next mutation of the request validates against what this one wrote.
    const writes = new RecordWrites('mining', dataSource, viewer, audit, () => clearLoaders(loaders));
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
