import type { Viewer } from '@peacegraph/kit/auth';
import type { Repositories } from '../repositories';
import { createDisplacementLoaders } from './displacement';
import { createTranshumanceLoaders } from './transhumance';

/** Fresh per request: a loader's cache must never outlive the caller it was filled for. */
export function createLoaders(repositories: Repositories, viewer: Viewer) {
  return { ...createDisplacementLoaders(repositories, viewer), ...createTranshumanceLoaders(repositories, viewer) };
}

export type Loaders = ReturnType<typeof createLoaders>;

/**
 * Forgets everything loaded so far. Called after every write: the mutations of one request run one
 * after another in the same context, and each must validate against what the previous one wrote.
 */
export function clearLoaders(loaders: Loaders): void {
  for (const loader of Object.values(loaders) as { clearAll: () => unknown }[]) loader.clearAll();
}
