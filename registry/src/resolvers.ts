import { DateTimeResolver } from 'graphql-scalars';
import type { DataSource } from 'typeorm';
import { badInput, notFound } from '@peacegraph/kit/errors';
import { apiSchemaOf, diffApiSchemas } from '@peacegraph/kit/composition';
import { isId } from './ids';
import { signedIn, requireAdmin, type Actor } from './access';
import type { RegistryContext } from './context';
import { withConsequences } from './checks/run-check';
import type { CheckedChange } from './checks/findings';
import { diffOfVersions } from './checks/version-diff';
import { auditEntries } from './store/audit';
import { approvalsOf } from './store/approvals';
import { findCheck, listChecks, type CheckRecord } from './store/checks';
import { allClientApplications } from './store/clients';
import { findComposition, listLaunches, liveLaunch, type CompositionRecord, type LaunchRecord } from './store/compositions';
import { pageSizeOf } from './store/page';
import { DEFAULT_POLICY, POLICY_DESCRIPTIONS, policyLevels, setPolicyLevel, type PolicyLevel, type PolicyRuleName } from './store/policy';
import { recordAction } from './store/audit';
import { allSubgraphs, findSubgraph, type SubgraphRecord } from './store/subgraphs';
import { findVersion, listVersions, type VersionRecord } from './store/versions';
import { coordinateCounts, coveredHours, hourlySeries, operationTotals, topOperations } from './store/usage';
import type { OperationUsage } from './checks/findings';
import { fieldOrigins, PerComposition, type FieldOrigin } from './console/field-map';
import { apiFieldsOf, type ApiField } from './console/api-fields';
import { SubgraphHealthProbe } from './console/subgraph-health';
import { summarise } from './console/usage-summary';
import { PersistedDocuments } from './documents/upload';
import { documentIdOf } from './documents/manifest';

/** An id argument: anything but a UUID is no record of ours, said plainly instead of a SQL error. */
function idOf(raw: string, field: string): string {
  if (!isId(raw)) throw badInput(field, `"${raw.slice(0, 60)}" is not an id of the registry`);
  return raw;
}

function daysOf(days: number | null | undefined): number {
  const value = days ?? 30;
  if (!Number.isInteger(value) || value < 1 || value > 366) throw badInput('days', 'days is a whole number from 1 to 366');
  return value;
}

/** A usage window in hours: up to the 90 days usage is kept. */
function hoursOf(hours: number | null | undefined): number {
  const value = hours ?? 24;
  if (!Number.isInteger(value) || value < 1 || value > 2160)
    throw badInput('hours', 'hours is a whole number from 1 to 2160 (the 90 days usage is kept)');
  return value;
}

/** An operation's own hourly points: a week at most, as a list of 100 operations times 2,160 points would be 216,000 objects. */
function seriesHoursOf(hours: number | null | undefined): number {
  const value = hours ?? 24;
  if (!Number.isInteger(value) || value < 1 || value > 168)
    throw badInput('hours', "hours is a whole number from 1 to 168 for an operation's series");
  return value;
}

const actorOf = (context: RegistryContext): Actor => signedIn(context.viewer, context.ip, context.requestId);

export function registryResolvers(dataSource: DataSource) {
  const db = dataSource;
  // Compositions never change: what is read from one is worked out once.
  const origins = new PerComposition<{ subgraphs: string[]; origins: Map<string, FieldOrigin> }>();
  const apiFields = new PerComposition<ApiField[]>();
  const health = new SubgraphHealthProbe();
  const documents = new PersistedDocuments(db);
  const originsOf = (compositionId: string, context: RegistryContext) =>
    origins.of(compositionId, async () => {
      const members = await context.loaders.members.load(compositionId);
      const versions = await context.loaders.version.loadMany(members.map((m) => m.versionId));
      const sdls = versions.flatMap((v) => (v && !(v instanceof Error) ? [{ subgraph: v.subgraph, sdl: v.sdl }] : []));
      return { subgraphs: members.map((m) => m.subgraph), origins: fieldOrigins(sdls) };
    });
  return {
    DateTime: DateTimeResolver,
    Query: {
      subgraphs: (_: unknown, __: unknown, context: RegistryContext) => (actorOf(context), allSubgraphs(db)),
      subgraph: (_: unknown, args: { name: string }, context: RegistryContext) => (actorOf(context), findSubgraph(db, args.name)),
      liveComposition: async (_: unknown, __: unknown, context: RegistryContext) => {
        actorOf(context);
        const launch = await liveLaunch(db);
        return launch ? findComposition(db, launch.compositionId) : null;
      },
      composition: (_: unknown, args: { id: string }, context: RegistryContext) => (
        actorOf(context),
        findComposition(db, idOf(args.id, 'id'))
      ),
      launches: async (_: unknown, args: { first?: number; after?: string | null }, context: RegistryContext) => {
        actorOf(context);
        const first = pageSizeOf(args.first);
        if (args.after && !/^\d{1,18}$/.test(args.after)) throw badInput('after', 'This cursor was not handed out by launches');
        const rows = await listLaunches(db, first, args.after ?? null);
        const nodes = rows.slice(0, first);
        return { nodes, pageInfo: { hasNextPage: rows.length > first, endCursor: nodes.at(-1)?.id ?? null } };
      },
      schemaVersions: (_: unknown, args: { subgraph?: string | null; first?: number; after?: string | null }, context: RegistryContext) => (
        actorOf(context),
        listVersions(db, args.subgraph ?? null, pageSizeOf(args.first), args.after ?? null)
      ),
      schemaVersion: (_: unknown, args: { id: string }, context: RegistryContext) => (
        actorOf(context),
        findVersion(db, idOf(args.id, 'id'))
      ),
      checks: (_: unknown, args: { subgraph?: string | null; first?: number; after?: string | null }, context: RegistryContext) => (
        actorOf(context),
        listChecks(db, args.subgraph ?? null, pageSizeOf(args.first), args.after ?? null)
      ),
      check: (_: unknown, args: { id: string }, context: RegistryContext) => (actorOf(context), findCheck(db, idOf(args.id, 'id'))),
      diff: async (_: unknown, args: { from: string; to: string }, context: RegistryContext) => {
        actorOf(context);
        const [from, to] = [idOf(args.from, 'from'), idOf(args.to, 'to')];
        const [a, b] = await Promise.all([findComposition(db, from), findComposition(db, to)]);
        if (a && b) {
          const changes = await diffApiSchemas(apiSchemaOf(a.supergraphSdl), apiSchemaOf(b.supergraphSdl));
          return { from, to, changes: await withConsequences(db, '', changes, 30), fromSdl: a.supergraphSdl, toSdl: b.supergraphSdl };
        }
        const [x, y] = await Promise.all([findVersion(db, from), findVersion(db, to)]);
        if (!x || !y) throw notFound('composition or schema version', !(a || x) ? from : to);
        if (x.subgraph !== y.subgraph)
          throw badInput('to', 'Two versions are compared only within one subgraph; compare compositions instead');
        const changes = await diffOfVersions(x.subgraph, x.sdl, y.sdl);
        return { from, to, changes: await withConsequences(db, x.subgraph, changes, 30), fromSdl: x.sdl, toSdl: y.sdl };
      },
      operations: (_: unknown, args: { days?: number; client?: string | null; first?: number }, context: RegistryContext) => {
        const actor = actorOf(context);
        // A partner's own operations (their names and documents are its own); admins everyone's. A
        // check still names whose operations a change would break: that is what a check is for.
        const organisation = actor.admin ? null : actor.organisationId;
        return topOperations(db, daysOf(args.days), args.client ?? null, pageSizeOf(args.first, 50), organisation);
      },
      fieldUsage: (_: unknown, args: { coordinates: string[]; days?: number }, context: RegistryContext) => {
        actorOf(context);
        if (args.coordinates.length > 500) throw badInput('coordinates', 'At most 500 coordinates at once');
        return coordinateCounts(db, args.coordinates, daysOf(args.days));
      },
      clientApplications: (_: unknown, __: unknown, context: RegistryContext) => (actorOf(context), allClientApplications(db)),
      policyRules: async (_: unknown, __: unknown, context: RegistryContext) => {
        actorOf(context);
        const levels = await policyLevels(db);
        return (Object.keys(DEFAULT_POLICY) as PolicyRuleName[]).map((rule) => ({
          rule,
          level: levels[rule],
          description: POLICY_DESCRIPTIONS[rule],
        }));
      },
      registryAuditLog: (
        _: unknown,
        args: {
          filter?: { actor?: string; action?: string; target?: string; since?: Date; until?: Date } | null;
          first?: number;
          after?: string | null;
        },
        context: RegistryContext,
      ) => {
        const actor = actorOf(context);
        // Admins read everyone's actions; a partner its own organisation's.
        const filter = { ...args.filter };
        return auditEntries(
          db,
          actor.admin ? filter : { ...filter, organisationId: actor.organisationId },
          pageSizeOf(args.first, 50),
          args.after ?? null,
        );
      },
      me: (_: unknown, __: unknown, context: RegistryContext) => {
        const actor = actorOf(context);
        const scopes = context.viewer.kind === 'partner' ? [...context.viewer.scopes].sort() : [];
        return { subject: actor.subject, organisationId: actor.organisationId, admin: actor.admin, scopes };
      },
      // Two statements of usage whatever the traffic; the rest is worked out from the live composition.
      usageSummary: async (_: unknown, args: { hours?: number | null }, context: RegistryContext) => {
        const actor = actorOf(context);
        const hours = hoursOf(args.hours);
        // A partner sees its own organisation's traffic; admins everyone's.
        const organisation = actor.admin ? null : actor.organisationId;
        const [launch, operations, series] = await Promise.all([
          context.loaders.live(),
          operationTotals(db, hours, organisation),
          hourlySeries(db, hours, organisation),
        ]);
        const live = launch ? await originsOf(launch.compositionId, context) : { subgraphs: [], origins: new Map() };
        return { ...summarise(hours, operations, series, live.origins, live.subgraphs), coveredHours: coveredHours(hours) };
      },
      schemaFields: async (_: unknown, args: { compositionId?: string | null; days?: number | null }, context: RegistryContext) => {
        actorOf(context);
        const days = daysOf(args.days);
        const id = args.compositionId != null ? idOf(args.compositionId, 'compositionId') : (await context.loaders.live())?.compositionId;
        if (!id) return [];
        const composition = await context.loaders.composition.load(id);
        if (!composition) throw notFound('composition', id);
        const [fields, { origins: byField }] = await Promise.all([
          apiFields.of(id, async () => apiFieldsOf(composition.supergraphSdl)),
          originsOf(id, context),
        ]);
        const counts = new Map(
          (
            await coordinateCounts(
              db,
              fields.map((f) => f.coordinate),
              days,
            )
          ).map((c) => [c.coordinate, c]),
        );
        return fields.map((field) => ({
          ...field,
          dataClass: byField.get(field.coordinate)?.dataClass ?? null,
          subgraphs: byField.get(field.coordinate)?.subgraphs ?? [],
          count: counts.get(field.coordinate)?.count ?? 0,
          operations: counts.get(field.coordinate)?.operations ?? 0,
        }));
      },
      persistedDocuments: (
        _: unknown,
        args: { clientApplicationId: string; first?: number | null; after?: string | null },
        context: RegistryContext,
      ) => {
        const actor = actorOf(context);
        const after = args.after == null ? null : documentIdOf(args.after);
        if (after === undefined) throw badInput('after', 'This cursor was not handed out by persistedDocuments');
        return documents.list(idOf(args.clientApplicationId, 'clientApplicationId'), pageSizeOf(args.first, 50), after, actor);
      },
    },
    Mutation: {
      registerSubgraph: (
        _: unknown,
        args: { input: { name: string; routingUrl: string; ownerOrganisationId?: string | null } },
        context: RegistryContext,
      ) => context.registry.registerSubgraph(args.input, actorOf(context)),
      checkSchema: (_: unknown, args: { input: { subgraph: string; sdl: string; usageDays?: number | null } }, context: RegistryContext) =>
        context.registry.check(args.input, actorOf(context)),
      publishSchema: (
        _: unknown,
        args: { input: { subgraph: string; sdl: string; routingUrl?: string | null; message?: string | null; usageDays?: number | null } },
        context: RegistryContext,
      ) => context.registry.publish(args.input, actorOf(context)),
      approveCheck: async (_: unknown, args: { id: string; reason?: string | null }, context: RegistryContext) =>
        (await context.registry.approve(idOf(args.id, 'id'), args.reason ?? null, actorOf(context))).check,
      rollback: (_: unknown, args: { compositionId: string; reason: string }, context: RegistryContext) =>
        context.registry.rollback(idOf(args.compositionId, 'compositionId'), args.reason, actorOf(context)),
      registerClientApplication: (_: unknown, args: { name: string; ownerOrganisationId?: string | null }, context: RegistryContext) => {
        const actor = actorOf(context);
        return context.registry.registerClientApplication(args.name, args.ownerOrganisationId ?? actor.organisationId!, actor);
      },
      uploadPersistedDocuments: (
        _: unknown,
        args: { clientApplicationId: string; documents: { id: string; body: string }[] },
        context: RegistryContext,
      ) => documents.upload(idOf(args.clientApplicationId, 'clientApplicationId'), args.documents, actorOf(context)),
      setPolicyRule: async (_: unknown, args: { rule: PolicyRuleName; level: PolicyLevel }, context: RegistryContext) => {
        const actor = actorOf(context);
        requireAdmin(actor, 'change the schema policy');
        await db.transaction(async (tx) => {
          await setPolicyLevel(tx, args.rule, args.level, actor);
          await recordAction(tx, actor, 'policy.set', args.rule, { level: args.level });
        });
        return { rule: args.rule, level: args.level, description: POLICY_DESCRIPTIONS[args.rule] };
      },
    },
    RegisteredSubgraph: {
      liveVersion: async (subgraph: SubgraphRecord, _: unknown, context: RegistryContext) => {
        const members = await context.loaders.liveMembers();
        const member = members.find((m) => m.subgraph === subgraph.name);
        return member ? context.loaders.version.load(member.versionId) : null;
      },
      latestVersion: async (subgraph: SubgraphRecord, _: unknown, context: RegistryContext) =>
        context.loaders.latestVersion.load(subgraph.name),
      lastPublishedAt: async (subgraph: SubgraphRecord, _: unknown, context: RegistryContext) =>
        (await context.loaders.latestVersion.load(subgraph.name))?.createdAt ?? null,
      health: (subgraph: SubgraphRecord) => health.of(subgraph),
    },
    OperationUsage: {
      coordinates: (operation: OperationUsage, _: unknown, context: RegistryContext) =>
        context.loaders.coordinates.load(operation.signature),
      documentId: (operation: OperationUsage, _: unknown, context: RegistryContext) => context.loaders.documentId.load(operation.signature),
      series: (operation: OperationUsage, args: { hours?: number | null }, context: RegistryContext) =>
        context.loaders.series(seriesHoursOf(args.hours)).load(operation),
    },
    SchemaVersion: {
      check: (version: VersionRecord, _: unknown, context: RegistryContext) =>
        version.checkId ? context.loaders.check.load(version.checkId) : null,
    },
    Composition: {
      members: async (composition: CompositionRecord, _: unknown, context: RegistryContext) => {
        const members = await context.loaders.members.load(composition.id);
        return Promise.all(members.map(async (m) => ({ ...m, version: await context.loaders.version.load(m.versionId) })));
      },
      live: async (composition: CompositionRecord, _: unknown, context: RegistryContext) =>
        (await context.loaders.live())?.compositionId === composition.id,
    },
    Launch: {
      composition: (launch: LaunchRecord, _: unknown, context: RegistryContext) => context.loaders.composition.load(launch.compositionId),
      version: (launch: LaunchRecord, _: unknown, context: RegistryContext) =>
        launch.versionId ? context.loaders.version.load(launch.versionId) : null,
      live: async (launch: LaunchRecord, _: unknown, context: RegistryContext) => (await context.loaders.live())?.id === launch.id,
    },
    SchemaCheck: {
      // Approvals given after the check are shown: they are what a re-run would find.
      changes: async (check: CheckRecord) => {
        const approvals = await approvalsOf(
          db,
          check.subgraph,
          check.changes.map((c) => c.key),
        );
        return check.changes.map((change: CheckedChange) => ({ ...change, approval: approvals.get(change.key) ?? change.approval }));
      },
    },
    PublishResult: {},
  };
}
