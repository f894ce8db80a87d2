import type { Viewer } from '@peacegraph/kit';
import type { Repositories } from '../repositories';

export function createDisplacementLoaders(_repositories: Repositories, _viewer: Viewer) {
  return {};
}
