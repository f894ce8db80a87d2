import { type AuditRecorder } from '@peacegraph/kit/audit';
import { type Viewer } from '@peacegraph/kit/auth';
import { ReferenceChecks } from '@peacegraph/kit/input';
import { type PolicyContext } from '@peacegraph/kit/policy';
import type { DataSource } from 'typeorm';
import { clearLoaders, createLoaders, type Loaders } from './loaders';
import { createRepositories, type Repositories } from './repositories';
import { createDisplacementServices } from './services/displacement';
import { createTranshumanceServices } from './services/transhumance';
import { Writes } from './services/writes';

/** What every service factory of this subgraph receives, fresh per request. */
export interface ServiceDependencies {
  dataSource: DataSource;
  viewer: Viewer;
  audit: AuditRecorder;
  loaders: Loaders;
  repositories: Repositories;
  directory: ReferenceChecks;
  writes: Writes;
}

export type DisplacementContext = PolicyContext & {
  dataSource: DataSource;
  loaders: Loaders;
  repositories: Repositories;
} & ReturnType<typeof createDisplacementServices> &
  ReturnType<typeof createTranshumanceServices>;

/**
 * Per request: the verified caller, fresh loaders and directory lookups, services bound to them. The
 * subgraph holds two halves of the agency's work — displacement and reintegration, and transhumance —
 * each with its own services, repositories and loaders, joined here.
 */
export function createContextFactory(dataSource: DataSource, directoryUrl: string) {
  const repositories = createRepositories(dataSource);
  return async (viewer: Viewer, audit: AuditRecorder): Promise<DisplacementContext> => {
    const loaders = createLoaders(repositories, viewer);
    const dependencies: ServiceDependencies = {
      dataSource,
      viewer,
      audit,
      loaders,
      repositories,
      directory: ReferenceChecks.at(directoryUrl),
      writes: new Writes(dataSource, viewer, audit, () => clearLoaders(loaders)),
    };
    return {
      viewer,
      audit,
      dataSource,
      loaders,
      repositories,
      ...createDisplacementServices(dependencies),
      ...createTranshumanceServices(dependencies),
    };
  };
}
