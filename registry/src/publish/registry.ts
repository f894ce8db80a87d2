import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { badInput, conflict, notFound } from '@peacegraph/kit/errors';
import type { Logger } from '@peacegraph/kit/server';
import { requireAdmin, requireOwner, type Actor } from '../access';
import { runCheck, type CheckOutcome } from '../checks/run-check';
import { schemaFingerprint } from '../checks/fingerprint';
import { subgraphSdl } from '../checks/subgraph-sdl';
import { recordAction } from '../store/audit';
import { approveChanges } from '../store/approvals';
import { findCheck, insertCheck, type CheckRecord } from '../store/checks';
import { insertClientApplication, type ClientApplicationRecord } from '../store/clients';
import { findComposition, insertComposition, insertLaunch, liveMembers, type LaunchRecord } from '../store/compositions';
import { findSubgraph, saveSubgraph, type SubgraphRecord } from '../store/subgraphs';
import { findVersion, insertVersion, setVersionState, supersedeWaiting, waitingVersions, type VersionRecord } from '../store/versions';
import { isId } from '../ids';
import { checkSchemaInput, routingUrlProblem, SUBGRAPH_NAME } from './input';
import { servedSchema, type Served } from './served-schema';

export interface RegistryOptions {
  usageDays: number;
  maxSdlBytes: number;
  servedTimeoutMs: number;
  /** Whether the directory knows an organisation: an owner must be one. */
  organisationExists: (id: string) => Promise<boolean>;
}

export type PublishOutcome = 'LAUNCHED' | 'WAITING' | 'REFUSED' | 'UNCHANGED';

export interface PublishResult {
  outcome: PublishOutcome;
  version: VersionRecord | null;
  /** Null when nothing was published (UNCHANGED). */
  check: CheckRecord | null;
  launch: LaunchRecord | null;
  reasons: string[];
}

/** Publishes and launches take turns: each composes against the launch before it, and none is lost. */
const LAUNCH_LOCK = 7_141_995;

/**
 * The registry's actions. Each runs in one transaction with its audit row; every action that can
 * change what is live takes the launch lock first, so two publishes at once are composed one after the
 * other, the second against the first's launch.
 */
export class Registry {
  constructor(
    private readonly dataSource: DataSource,
    private readonly options: RegistryOptions,
    private readonly log: Logger,
  ) {}

  async check(input: { subgraph: string; sdl: string; usageDays?: number | null }, actor: Actor): Promise<CheckRecord> {
    checkSchemaInput(input, this.options);
    return this.dataSource.transaction(async (tx) => {
      const subgraph = await findSubgraph(tx, input.subgraph);
      if (subgraph) requireOwner(actor, subgraph, 'check its schema');
      else requireAdmin(actor, 'check a schema for a subgraph that is not registered');
      const routingUrl = subgraph?.routingUrl ?? 'http://unregistered.invalid/graphql';
      const outcome = await runCheck(tx, {
        ...input,
        routingUrl,
        usageDays: input.usageDays ?? this.options.usageDays,
        live: await liveMembers(tx),
      });
      const check = await insertCheck(tx, { ...record(outcome), routingUrl: subgraph?.routingUrl ?? null, purpose: 'CHECK' }, actor);
      await recordAction(tx, actor, 'schema.check', input.subgraph, { checkId: check.id, passed: check.passed });
      return check;
    });
  }

  async publish(
    input: { subgraph: string; sdl: string; routingUrl?: string | null; message?: string | null; usageDays?: number | null },
    actor: Actor,
    reason: 'PUBLISH' | 'APPROVAL' = 'PUBLISH',
  ): Promise<PublishResult> {
    checkSchemaInput(input, this.options);
    const known = await findSubgraph(this.dataSource, input.subgraph);
    if (known) requireOwner(actor, known, 'publish its schema');
    else {
      requireAdmin(actor, `publish the first schema of "${input.subgraph}" (an admin registers a subgraph and its owner)`);
      if (!input.routingUrl) throw badInput('input.routingUrl', `"${input.subgraph}" is not registered yet: give its routing URL`);
    }
    const routingUrl = input.routingUrl ?? known!.routingUrl;
    // Asked before the lock: a subgraph slow to answer must not hold up every other publish.
    const served = await servedSchema(routingUrl, this.options.servedTimeoutMs);

    return this.dataSource.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LAUNCH_LOCK]);
      // A new routing URL takes effect with the launch of the version that brings it.
      const subgraph =
        (await findSubgraph(tx, input.subgraph)) ??
        (await saveSubgraph(tx, { name: input.subgraph, routingUrl, ownerOrganisationId: null }, actor.subject));
      const live = await liveMembers(tx);
      // The same schema at the same place again (every npm start, every CI rerun): nothing to compose.
      const current = live.members.find((m) => m.subgraph === input.subgraph);
      const currentVersion = current ? await findVersion(tx, current.versionId) : undefined;
      if (currentVersion && currentVersion.hash === fingerprintOf(input.subgraph, input.sdl) && current!.routingUrl === routingUrl) {
        await recordAction(tx, actor, 'schema.publish', input.subgraph, { versionId: currentVersion.id, outcome: 'UNCHANGED' });
        return {
          outcome: 'UNCHANGED',
          version: currentVersion,
          check: null,
          launch: null,
          reasons: ['The live version already is this schema'],
        };
      }
      const outcome = await runCheck(tx, { ...input, routingUrl, usageDays: input.usageDays ?? this.options.usageDays, live });
      const check = await insertCheck(tx, { ...record(outcome), routingUrl, purpose: 'PUBLISH' }, actor);
      if (!outcome.passed) {
        const reasons = outcome.findings.filter((f) => f.severity === 'ERROR').map((f) => f.message);
        const version = await insertVersion(
          tx,
          { ...versionOf(input, outcome, routingUrl, check.id), state: 'REFUSED', stateReason: reasons[0] ?? null },
          actor,
        );
        await recordAction(tx, actor, 'schema.publish', input.subgraph, { checkId: check.id, versionId: version.id, outcome: 'REFUSED' });
        return { outcome: 'REFUSED', version, check, launch: null, reasons };
      }
      const waitReason = mismatch(served, outcome.hash, routingUrl);
      const version = await insertVersion(
        tx,
        { ...versionOf(input, outcome, routingUrl, check.id), state: 'WAITING', stateReason: waitReason },
        actor,
      );
      await supersedeWaiting(tx, input.subgraph, version.id);
      let launch: LaunchRecord | null = null;
      if (!waitReason) launch = await this.launchVersion(tx, subgraph, version, outcome, reason, actor);
      await recordAction(tx, actor, 'schema.publish', input.subgraph, {
        checkId: check.id,
        versionId: version.id,
        outcome: launch ? 'LAUNCHED' : 'WAITING',
      });
      const saved = (await findVersion(tx, version.id))!;
      return launch
        ? { outcome: 'LAUNCHED', version: saved, check, launch, reasons: [] }
        : { outcome: 'WAITING', version: saved, check, launch: null, reasons: [waitReason!] };
    });
  }

  /**
   * Approves the breaking changes of a check. When the check was a publish refused only for changes
   * in use, the schema is published again by the approver, and launches with the reason APPROVAL.
   */
  async approve(checkId: string, reason: string | null, actor: Actor): Promise<{ check: CheckRecord; publish: PublishResult | null }> {
    requireAdmin(actor, 'approve a breaking change');
    if (reason && reason.length > 2000) throw badInput('reason', 'A reason is at most 2000 characters');
    const check = await this.dataSource.transaction(async (tx) => {
      const found = await findCheck(tx, checkId);
      if (!found) throw notFound('SchemaCheck', checkId);
      const breaking = found.changes.filter((c) => c.criticality === 'BREAKING');
      if (breaking.length === 0) throw badInput('id', 'This check has no breaking change to approve');
      await approveChanges(tx, found.subgraph, found.id, breaking, reason, actor);
      await recordAction(tx, actor, 'schema.approve', found.subgraph, { checkId, changes: breaking.length, reason });
      return found;
    });
    const onlyUsage = check.purpose === 'PUBLISH' && check.findings.every((f) => f.severity !== 'ERROR' || f.kind === 'USAGE');
    if (!onlyUsage || check.passed) return { check, publish: null };
    const publish = await this.publish(
      { subgraph: check.subgraph, sdl: check.sdl, routingUrl: check.routingUrl, message: reason, usageDays: check.usageDays },
      actor,
      'APPROVAL',
    );
    return { check, publish };
  }

  async rollback(compositionId: string, reason: string, actor: Actor): Promise<LaunchRecord> {
    requireAdmin(actor, 'roll back');
    if (!reason.trim() || reason.length > 2000) throw badInput('reason', 'Say why, in at most 2000 characters');
    return this.dataSource.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LAUNCH_LOCK]);
      if (!(await findComposition(tx, compositionId))) throw notFound('Composition', compositionId);
      const { launch: live } = await liveMembers(tx);
      if (live?.compositionId === compositionId) throw conflict('This composition is already live');
      const launch = await insertLaunch(tx, { compositionId, reason: 'ROLLBACK', versionId: null, message: reason }, actor);
      await recordAction(tx, actor, 'composition.rollback', compositionId, { from: live?.compositionId ?? null, reason });
      return launch;
    });
  }

  /** Registers a client application; its owner must be an organisation of the directory. */
  async registerClientApplication(name: string, owner: string, actor: Actor): Promise<ClientApplicationRecord> {
    if (owner !== actor.organisationId) requireAdmin(actor, 'register a client application for another organisation');
    if (!/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$/.test(name))
      throw badInput('name', 'A client name is 1 to 100 letters, digits, spaces, ".", "_" or "-"');
    if (!isId(owner) || !(await this.options.organisationExists(owner))) {
      throw badInput('ownerOrganisationId', `The directory has no organisation "${owner.slice(0, 60)}"`);
    }
    return this.dataSource.transaction(async (tx) => {
      const saved = await insertClientApplication(tx, name, owner, actor);
      if (!saved) throw badInput('name', `A client application named "${name}" is already registered`);
      await recordAction(tx, actor, 'client.register', name, { owner });
      return saved;
    });
  }

  async registerSubgraph(
    input: { name: string; routingUrl: string; ownerOrganisationId?: string | null },
    actor: Actor,
  ): Promise<SubgraphRecord> {
    requireAdmin(actor, 'register a subgraph or change its owner');
    if (!SUBGRAPH_NAME.test(input.name))
      throw badInput('input.name', 'A subgraph name is 1 to 40 lower-case letters, digits or "-", starting with a letter');
    const problem = routingUrlProblem(input.routingUrl);
    if (problem) throw badInput('input.routingUrl', problem);
    const owner = input.ownerOrganisationId;
    if (owner !== undefined && owner !== null && !isId(owner)) {
      throw badInput('input.ownerOrganisationId', 'An owner is an organisation id from the directory, or null for admins only');
    }
    if (owner && !(await this.options.organisationExists(owner))) {
      throw badInput('input.ownerOrganisationId', `The directory has no organisation "${owner}"`);
    }
    return this.dataSource.transaction(async (tx) => {
      const saved = await saveSubgraph(tx, input, actor.subject);
      await recordAction(tx, actor, 'subgraph.register', input.name, {
        routingUrl: input.routingUrl,
        owner: input.ownerOrganisationId ?? null,
      });
      return saved;
    });
  }

  /**
   * Launches the versions that were waiting for their subgraph to serve them. A version is composed
   * again with what is live now (others may have launched meanwhile); if it no longer composes or passes,
   * it is refused with the reason.
   */
  async launchDeployed(system: Actor): Promise<number> {
    let launched = 0;
    for (const waiting of await waitingVersions(this.dataSource)) {
      const served = await servedSchema(waiting.routingUrl, this.options.servedTimeoutMs);
      if (mismatch(served, waiting.hash, waiting.routingUrl)) continue;
      const done = await this.dataSource.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [LAUNCH_LOCK]);
        const version = await findVersion(tx, waiting.id);
        if (version?.state !== 'WAITING') return false;
        const subgraph = (await findSubgraph(tx, version.subgraph))!;
        const check = await findCheck(tx, version.checkId!);
        const outcome = await runCheck(tx, {
          subgraph: version.subgraph,
          sdl: version.sdl,
          routingUrl: version.routingUrl,
          usageDays: check?.usageDays ?? this.options.usageDays,
          live: await liveMembers(tx),
        });
        if (!outcome.passed) {
          const reason = outcome.findings.find((f) => f.severity === 'ERROR')?.message ?? 'no longer passes its checks';
          await setVersionState(tx, version.id, 'REFUSED', `Served, but against what is live now: ${reason}`);
          await recordAction(tx, system, 'schema.refuse', version.subgraph, { versionId: version.id, reason });
          return false;
        }
        await this.launchVersion(tx, subgraph, version, outcome, 'DEPLOYED', system);
        await recordAction(tx, system, 'schema.deployed', version.subgraph, { versionId: version.id });
        return true;
      });
      if (done) {
        launched += 1;
        this.log.info({ subgraph: waiting.subgraph, version: waiting.id }, 'waiting version served by its subgraph: launched');
      }
    }
    return launched;
  }

  private async launchVersion(
    tx: EntityManager,
    subgraph: SubgraphRecord,
    version: VersionRecord,
    outcome: CheckOutcome,
    reason: LaunchRecord['reason'],
    actor: Actor,
  ): Promise<LaunchRecord> {
    const members = outcome.members.map((m) =>
      m.subgraph === subgraph.name ? { ...m, versionId: version.id, routingUrl: version.routingUrl } : m,
    );
    const composition = await insertComposition(
      tx,
      { supergraphSdl: outcome.supergraphSdl!, hash: hashOf(outcome.supergraphSdl!), members },
      actor,
    );
    await setVersionState(tx, version.id, 'LAUNCHED', null);
    if (subgraph.routingUrl !== version.routingUrl)
      await saveSubgraph(tx, { ...subgraph, routingUrl: version.routingUrl, ownerOrganisationId: undefined }, actor.subject);
    return insertLaunch(tx, { compositionId: composition.id, reason, versionId: version.id, message: version.message }, actor);
  }
}

function record(outcome: CheckOutcome) {
  const { members: _members, ...stored } = outcome;
  return stored;
}

function versionOf(
  input: { subgraph: string; sdl: string; message?: string | null },
  outcome: CheckOutcome,
  routingUrl: string,
  checkId: string,
) {
  return { subgraph: input.subgraph, sdl: input.sdl, hash: outcome.hash, routingUrl, checkId, message: input.message ?? null };
}

/** Why the served schema is not this one, or null when it is. */
function mismatch(served: Served, hash: string, routingUrl: string): string | null {
  if ('unreachable' in served) return `Waiting for ${routingUrl} to serve it (${served.unreachable})`;
  if (served.fingerprint !== hash) return `Waiting for ${routingUrl} to serve it (it serves another schema now)`;
  return null;
}

/** The fingerprint a version of this SDL would have; null when it does not parse. */
function fingerprintOf(subgraph: string, sdl: string): string | null {
  const parsed = subgraphSdl(subgraph, sdl);
  return 'whole' in parsed ? schemaFingerprint(parsed.whole) : null;
}

function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
