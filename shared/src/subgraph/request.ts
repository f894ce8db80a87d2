import type { DataSource } from 'typeorm';
import type { AuditRecorder } from '../audit/recorder';
import type { Viewer } from '../auth/viewer';
import type { PolicyContext } from '../policy/enforce';
import { RecordWrites } from '../writes/record-writes';
import type { RateLimitState } from '../server/rate-limit-header';
import type { ForwardedRequest } from './definition';

/** A request's loaders: DataLoaders, whose caches a write empties. */
type RequestLoaders = Record<string, { clearAll(): unknown }>;

/** What every subgraph's context holds besides its services. */
export interface RequestContext<R = unknown, L extends RequestLoaders = RequestLoaders> extends PolicyContext {
  dataSource: DataSource;
  loaders: L;
  repositories: R;
  /** The caller's rate-limit state as the gateway told it; null when the request did not come through one that limits. */
  rateLimit: RateLimitState | null;
}

/** What a subgraph's services are built from, for one request. */
export type RequestBasics<C extends RequestContext> = Pick<C, keyof RequestContext> & { writes: RecordWrites };

/**
 * Per request, the same in every subgraph: fresh loaders for the caller (no cache shared between
 * callers) and the kit's one write path (scope `<name>:write`, owner, version, audit, retries). A write
 * empties the request's loaders, so the next mutation of the request validates against what this one
 * wrote. `services` binds the subgraph's own services to them; the context is the basics and those.
 */
export function perRequest<C extends RequestContext>(
  subgraph: {
    name: string;
    dataSource: DataSource;
    repositories: C['repositories'];
    loaders: (repositories: C['repositories'], viewer: Viewer) => C['loaders'];
  },
  services: (request: RequestBasics<C>) => Omit<C, keyof RequestContext>,
): (viewer: Viewer, audit: AuditRecorder, request?: ForwardedRequest) => Promise<C> {
  const { name, dataSource, repositories } = subgraph;
  return async (viewer, audit, request) => {
    const loaders = subgraph.loaders(repositories, viewer);
    const forget = () => {
      for (const loader of Object.values(loaders)) loader.clearAll();
    };
    const writes = new RecordWrites(name, dataSource, viewer, audit, forget);
    const basics = { viewer, audit, dataSource, loaders, repositories, rateLimit: request?.rateLimit ?? null };
    // C is the basics and the services: TypeScript cannot put a generic Omit back together by itself.
    return { ...basics, ...services({ ...basics, writes }) } as C;
  };
}
