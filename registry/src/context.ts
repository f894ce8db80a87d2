import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Viewer } from '@peacegraph/kit/auth';
import type { Registry } from './publish/registry';
import { checksByIds, type CheckRecord } from './store/checks';
import {
  compositionsByIds,
  liveLaunch,
  membersOf,
  type CompositionRecord,
  type LaunchRecord,
  type MemberRecord,
} from './store/compositions';
import { documentIdsOf } from './store/documents';
import { coordinatesOf, operationSeries, type OperationKey, type UsagePoint } from './store/usage';
import { latestVersionsOf, versionsByIds, type VersionRecord } from './store/versions';

export interface RegistryContext {
  viewer: Viewer;
  ip: string | null;
  requestId: string | null;
  registry: Registry;
  loaders: ReturnType<typeof registryLoaders>;
}

/** One statement per kind of record a response lists, however many it lists. */
export function registryLoaders(db: DataSource) {
  const byId = <T extends { id: string }>(load: (ids: readonly string[]) => Promise<T[]>) =>
    new DataLoader<string, T | null>(async (ids) => {
      const found = new Map((await load(ids)).map((row) => [row.id, row]));
      return ids.map((id) => found.get(id) ?? null);
    });
  let live: Promise<LaunchRecord | undefined> | undefined;
  let members: Promise<MemberRecord[]> | undefined;
  const liveOnce = () => (live ??= liveLaunch(db));
  // One loader per window asked for: the operations of a list share one statement per window.
  const series = new Map<number, DataLoader<OperationKey, UsagePoint[]>>();
  return {
    version: byId<VersionRecord>((ids) => versionsByIds(db, ids)),
    check: byId<CheckRecord>((ids) => checksByIds(db, ids)),
    composition: byId<CompositionRecord>((ids) => compositionsByIds(db, ids)),
    members: new DataLoader<string, MemberRecord[]>(async (ids) => {
      const rows = await membersOf(db, ids);
      return ids.map((id) => rows.filter((m) => m.compositionId === id));
    }),
    latestVersion: new DataLoader<string, VersionRecord | null>(async (names) => {
      const found = new Map((await latestVersionsOf(db, names)).map((v) => [v.subgraph, v]));
      return names.map((name) => found.get(name) ?? null);
    }),
    coordinates: new DataLoader<string, string[]>(async (signatures) => {
      const found = await coordinatesOf(db, signatures);
      return signatures.map((s) => found.get(s) ?? []);
    }),
    documentId: new DataLoader<string, string | null>(async (signatures) => {
      const found = await documentIdsOf(db, signatures);
      return signatures.map((s) => found.get(s) ?? null);
    }),
    series: (hours: number) => {
      let loader = series.get(hours);
      if (!loader) {
        loader = new DataLoader<OperationKey, UsagePoint[]>((keys) => operationSeries(db, keys, hours), { cache: false });
        series.set(hours, loader);
      }
      return loader;
    },
    live: liveOnce,
    liveMembers: () => (members ??= liveOnce().then((launch) => (launch ? membersOf(db, [launch.compositionId]) : []))),
  };
}
