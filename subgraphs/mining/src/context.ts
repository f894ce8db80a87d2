import { ReferenceChecks } from '@peacegraph/kit/input';
import { perRequest, type RequestContext } from '@peacegraph/kit/server';
import type { DataSource } from 'typeorm';
import { createLoaders, type Loaders } from './loaders';
import { createRepositories, type Repositories } from './repositories';
import { AggregateService } from './statistics/statistics.service';
import { ConsultationService } from './consultation/consultation.service';
import { DialogueService } from './policy-dialogue/policy-dialogue.service';
import { InstrumentService } from './legal-instrument/legal-instrument.service';
import { MediaService } from './media/media.service';
import { SiteService } from './mining-site/mining-site.service';
import { TrainingService } from './training/training.service';

export interface MiningContext extends RequestContext<Repositories, Loaders> {
  instruments: InstrumentService;
  sites: SiteService;
  consultations: ConsultationService;
  trainings: TrainingService;
  dialogues: DialogueService;
  media: MediaService;
  aggregates: AggregateService;
}

/** Per request: the kit's basics (caller, fresh loaders, writes), directory lookups, services bound to them. */
export function createContextFactory(dataSource: DataSource, directoryUrl: string) {
  const repositories = createRepositories(dataSource);
  return perRequest<MiningContext>(
    { name: 'mining', dataSource, repositories, loaders: createLoaders },
    ({ viewer, audit, loaders, writes }) => {
      const directory = ReferenceChecks.at(directoryUrl);
      return {
        instruments: new InstrumentService(loaders, writes),
        sites: new SiteService(repositories, loaders, directory, writes),
        consultations: new ConsultationService(repositories, loaders, directory, writes),
        trainings: new TrainingService(repositories, loaders, directory, writes),
        dialogues: new DialogueService(repositories, loaders, directory, writes, audit),
        media: new MediaService(loaders, directory, writes),
        aggregates: new AggregateService(repositories, viewer),
      };
    },
  );
}
