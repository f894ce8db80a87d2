import { createHash } from 'node:crypto';
import { composeSdls, apiSchemaOf, diffApiSchemas, type CompositionProblem } from '@peacegraph/kit/composition';
import { versionsByIds } from '../store/versions';
import { findComposition, type LaunchRecord, type MemberRecord } from '../store/compositions';
import { approvalsOf } from '../store/approvals';
import { operationsUsing } from '../store/usage';
import { policyLevels } from '../store/policy';
import type { Queryable } from '../store/queryable';
import { bySeverity, type CheckedChange, type Finding } from './findings';
import { policyFindings } from './policy';
import { subgraphSdl } from './subgraph-sdl';
import { schemaFingerprint } from './fingerprint';

/** Rules the composer also runs; the registry reports them as policy, at the level an admin set. */
const POLICY_CODES = new Set(['NON_NULL_ROOT_FIELD', 'SCHEMA_NAMING']);

export interface CheckOutcome {
  subgraph: string;
  sdl: string;
  /** The schema's fingerprint: equal for two SDLs that say the same. */
  hash: string;
  passed: boolean;
  composed: boolean;
  findings: Finding[];
  changes: CheckedChange[];
  supergraphSdl: string | null;
  baseCompositionId: string | null;
  usageDays: number;
  /** The live members with this subgraph's entry replaced by the proposal (its versionId empty). */
  members: Omit<MemberRecord, 'compositionId'>[];
}

/**
 * What publishing `sdl` as `subgraph` would do to the live graph: composition with the live versions of
 * the others, the changes to the API schema clients see, the policy, and — for each breaking change —
 * the operations of the last `usageDays` days that use what it breaks. A breaking change fails the check
 * only when it is used and not approved.
 */
export async function runCheck(
  db: Queryable,
  input: { subgraph: string; sdl: string; routingUrl: string; usageDays: number; live: { launch?: LaunchRecord; members: MemberRecord[] } },
): Promise<CheckOutcome> {
  const { subgraph, sdl, routingUrl, usageDays, live } = input;
  const base = { subgraph, sdl, usageDays, baseCompositionId: live.launch?.compositionId ?? null, supergraphSdl: null, changes: [] };
  const members = [
    ...live.members.filter((m) => m.subgraph !== subgraph).map(({ compositionId: _, ...m }) => m),
    { subgraph, versionId: '', routingUrl },
  ];
  const parsed = subgraphSdl(subgraph, sdl);
  if (!('own' in parsed)) {
    const at = parsed.locations?.[0];
    const finding: Finding = {
      kind: 'COMPOSITION',
      severity: 'ERROR',
      code: 'INVALID_GRAPHQL',
      message: parsed.message,
      subgraph,
      line: at?.line ?? null,
      column: at?.column ?? null,
    };
    return { ...base, hash: createHash('sha256').update(sdl).digest('hex'), passed: false, composed: false, findings: [finding], members };
  }
  const hash = schemaFingerprint(parsed.whole);
  const findings: Finding[] = policyFindings(subgraph, parsed.own, parsed.whole, await policyLevels(db));

  const others = await versionsByIds(
    db,
    live.members.filter((m) => m.subgraph !== subgraph).map((m) => m.versionId),
  );
  const services = [
    ...others.map((version) => {
      const theirs = subgraphSdl(version.subgraph, version.sdl);
      const url = live.members.find((m) => m.versionId === version.id)!.routingUrl;
      return { name: version.subgraph, url, sdl: 'text' in theirs ? theirs.text : version.sdl };
    }),
    { name: subgraph, url: routingUrl, sdl: parsed.text },
  ].sort((a, b) => a.name.localeCompare(b.name));
  const composition = composeSdls(services);
  if (!composition.ok) {
    findings.push(...composition.problems.filter((p) => !POLICY_CODES.has(p.code)).map(compositionFinding));
    return finish({ ...base, hash, composed: false, findings, members });
  }

  const changes = await changesAgainstLive(db, subgraph, composition.supergraphSdl, live.launch?.compositionId ?? null, usageDays);
  for (const change of changes) findings.push(...changeFindings(change, usageDays));
  return finish({ ...base, hash, composed: true, findings, changes, supergraphSdl: composition.supergraphSdl, members });
}

function finish(outcome: Omit<CheckOutcome, 'passed'>): CheckOutcome {
  const findings = [...outcome.findings].sort(bySeverity);
  return { ...outcome, findings, passed: !findings.some((f) => f.severity === 'ERROR') };
}

async function changesAgainstLive(
  db: Queryable,
  subgraph: string,
  supergraphSdl: string,
  liveId: string | null,
  usageDays: number,
): Promise<CheckedChange[]> {
  if (!liveId) return [];
  const live = await findComposition(db, liveId);
  if (!live) return [];
  const changes = diffApiSchemas(apiSchemaOf(live.supergraphSdl), apiSchemaOf(supergraphSdl));
  return withConsequences(db, subgraph, await changes, usageDays);
}

/** Adds to each change its stable key, the operations using what it touches, and its approval. */
export async function withConsequences(
  db: Queryable,
  subgraph: string,
  changes: readonly {
    criticality: CheckedChange['criticality'];
    type: string;
    message: string;
    path: string | null;
    coordinate: string | null;
  }[],
  usageDays: number,
): Promise<CheckedChange[]> {
  const keyed = changes.map((c) => ({ ...c, key: changeKey(c) }));
  const risky = keyed.filter((c) => c.criticality !== 'SAFE');
  const looked = [...new Set(risky.map(usageKey).filter((k): k is string => k !== null))];
  const usage = looked.length ? await operationsUsing(db, looked, usageDays) : new Map();
  const approvals = await approvalsOf(
    db,
    subgraph,
    risky.map((c) => c.key),
  );
  return keyed.map((change) => {
    const key = usageKey(change);
    return {
      ...change,
      usedBy: change.criticality === 'SAFE' || !key ? [] : (usage.get(key) ?? []),
      approval: approvals.get(change.key) ?? null,
    };
  });
}

/** What usage is looked up for: the field a change touches, or every field of a type it touches. */
function usageKey(change: { coordinate: string | null; path: string | null }): string | null {
  return change.coordinate ?? change.path?.split('.')[0] ?? null;
}

function changeKey(change: { type: string; path: string | null; message: string }): string {
  return createHash('sha256')
    .update(JSON.stringify([change.type, change.path, change.message]))
    .digest('hex')
    .slice(0, 32);
}

function changeFindings(change: CheckedChange, usageDays: number): Finding[] {
  const at = { subgraph: null, line: null, column: null, coordinate: change.coordinate ?? change.path };
  if (change.criticality === 'SAFE') return [];
  if (change.criticality === 'DANGEROUS') {
    return [{ kind: 'CHANGE', severity: 'WARNING', code: change.type, message: `Dangerous: ${change.message}`, ...at }];
  }
  if (change.approval) {
    return [
      {
        kind: 'CHANGE',
        severity: 'INFO',
        code: change.type,
        message: `Breaking, approved by ${change.approval.approvedBy}: ${change.message}`,
        ...at,
      },
    ];
  }
  if (change.usedBy.length === 0) {
    return [
      {
        kind: 'CHANGE',
        severity: 'INFO',
        code: change.type,
        message: `Breaking but unused in the last ${usageDays} days: ${change.message}`,
        ...at,
      },
    ];
  }
  const total = change.usedBy.reduce((sum, u) => sum + u.count, 0);
  const who = change.usedBy
    .slice(0, 10)
    .map(
      (u) =>
        `${u.name ?? 'anonymous operation'} (${u.signature.slice(0, 12)}) by ${u.clientName ?? 'unknown client'}${u.clientVersion ? ` ${u.clientVersion}` : ''}${u.organisationId ? ` of organisation ${u.organisationId}` : ''}: ${u.count}×`,
    )
    .join('; ');
  return [
    {
      kind: 'USAGE',
      severity: 'ERROR',
      code: 'BREAKING_CHANGE_IN_USE',
      message: `Breaking: ${change.message} — used ${total} times in the last ${usageDays} days by ${who}${change.usedBy.length > 10 ? ` and ${change.usedBy.length - 10} more` : ''}`,
      ...at,
    },
  ];
}

function compositionFinding(problem: CompositionProblem): Finding {
  const at = problem.locations[0];
  return {
    kind: 'COMPOSITION',
    severity: 'ERROR',
    code: problem.code,
    message: problem.message,
    subgraph: at?.subgraph ?? problem.subgraph,
    line: at?.line ?? null,
    column: at?.column ?? null,
    coordinate: null,
  };
}
