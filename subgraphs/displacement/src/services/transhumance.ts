import type { ServiceDependencies } from '../context';

/** Corridors, sensitive spots, flow observations, alerts and the early-action rules. */
export function createTranshumanceServices(_: ServiceDependencies) {
  return {};
}
