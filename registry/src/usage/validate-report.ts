import { isId } from '../ids';
import { LATENCY_BUCKETS_MS, USAGE_LIMITS, type UsageEntry, type UsageReport } from '@peacegraph/kit/usage';

const SIGNATURE = /^[0-9a-f]{64}$/;
const COORDINATE = /^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$/;
const PRINTABLE = /^[^\p{Cc}]*$/u;
const HOUR_MS = 3_600_000;

/**
 * Every problem of a usage report, at most 20 listed; none means it may be stored. A report is taken
 * whole or not at all, so a forged entry cannot slip in beside good ones. Hours must lie within the
 * retention and not in the future: a forged report cannot fill the tables with hours nobody asks for.
 */
export function reportProblems(body: unknown, retentionDays: number, now = Date.now()): string[] {
  const problems: string[] = [];
  const add = (problem: string) => problems.length < 20 && problems.push(problem);
  if (!isObject(body)) return ['the body must be a JSON object'];
  const report = body as Partial<UsageReport>;
  if (!text(report.gateway, 200) || report.gateway === '') add('gateway must be a non-empty text of at most 200 characters');
  if (report.compositionId !== null && report.compositionId !== undefined && !isId(report.compositionId))
    add('compositionId must be a composition id or null');
  if (!count(report.dropped)) add('dropped must be a whole number of at least 0');
  if (!Array.isArray(report.operations)) return [...problems, 'operations must be a list'];
  if (report.operations.length > USAGE_LIMITS.entries)
    add(`operations holds ${report.operations.length} entries; at most ${USAGE_LIMITS.entries} per report`);
  for (const [i, entry] of report.operations.slice(0, USAGE_LIMITS.entries).entries()) {
    for (const problem of entryProblems(entry, retentionDays, now)) add(`operations[${i}].${problem}`);
    if (problems.length >= 20) break;
  }
  return problems;
}

function entryProblems(raw: unknown, retentionDays: number, now: number): string[] {
  if (!isObject(raw)) return ['must be an object'];
  const entry = raw as Partial<UsageEntry>;
  const problems: string[] = [];
  if (typeof entry.signature !== 'string' || !SIGNATURE.test(entry.signature)) problems.push('signature must be 64 hexadecimal digits');
  if (entry.name !== null && !text(entry.name, USAGE_LIMITS.nameChars))
    problems.push(`name must be null or a text of at most ${USAGE_LIMITS.nameChars} characters`);
  if (typeof entry.document !== 'string' || entry.document.length === 0 || entry.document.length > USAGE_LIMITS.documentChars)
    problems.push(`document must be a text of 1 to ${USAGE_LIMITS.documentChars} characters`);
  if (
    !Array.isArray(entry.coordinates) ||
    entry.coordinates.length > USAGE_LIMITS.coordinates ||
    !entry.coordinates.every((c) => typeof c === 'string' && COORDINATE.test(c))
  )
    problems.push(`coordinates must be a list of at most ${USAGE_LIMITS.coordinates} Type.field names`);
  for (const key of ['clientName', 'clientVersion'] as const) {
    if (entry[key] !== null && !text(entry[key], USAGE_LIMITS.nameChars))
      problems.push(`${key} must be null or a text of at most ${USAGE_LIMITS.nameChars} characters`);
  }
  if (entry.documentId != null && (typeof entry.documentId !== 'string' || !SIGNATURE.test(entry.documentId)))
    problems.push('documentId must be null, absent or 64 hexadecimal digits');
  if (entry.organisationId !== null && !isId(entry.organisationId)) problems.push('organisationId must be an organisation id or null');
  const hour = typeof entry.hour === 'string' ? Date.parse(entry.hour) : NaN;
  if (Number.isNaN(hour) || hour % HOUR_MS !== 0) problems.push('hour must be the start of an hour (ISO 8601, UTC)');
  else if (hour > now + HOUR_MS || hour < now - retentionDays * 24 * HOUR_MS)
    problems.push(`hour must lie within the last ${retentionDays} days`);
  if (!count(entry.count) || entry.count === 0) problems.push('count must be a whole number of at least 1');
  if (!count(entry.errors) || (count(entry.count) && entry.errors! > entry.count!))
    problems.push('errors must be a whole number from 0 to count');
  if (typeof entry.totalMs !== 'number' || !Number.isFinite(entry.totalMs) || entry.totalMs < 0)
    problems.push('totalMs must be a number of at least 0');
  const latency = entry.latency;
  if (
    !Array.isArray(latency) ||
    latency.length !== LATENCY_BUCKETS_MS.length + 1 ||
    !latency.every(count) ||
    latency.reduce((a, b) => a + b, 0) !== entry.count
  )
    problems.push(`latency must be ${LATENCY_BUCKETS_MS.length + 1} whole numbers that add up to count`);
  return problems;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown, max: number): boolean {
  return typeof value === 'string' && value.length <= max && PRINTABLE.test(value);
}

function count(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
