import type { ServiceDependencies } from '../context';

/** Displacement figures, reintegration programmes and cases, awareness sessions. */
export function createDisplacementServices(_: ServiceDependencies) {
  return {};
}
