/**
 * A Peace Commission records a case to its resolution, as its data clerk's tool would: the case is
 * reported, mediation starts, a mediation session is held, and the parties reach an agreement. Each
 * change sends back the case's `version` as last read (optimistic locking: CONFLICT if someone else
 * changed it meanwhile); the report sends a `clientMutationId`, so a retry never records it twice.
 *
 *   PEACEGRAPH_TOKEN=$(npm run -s token -- --org <your organisation> --scope "conflicts:write conflicts:sensitive") \
 *     npx tsx examples/case-to-resolution.ts <peace commission id>
 *
 * The token needs conflicts:write and belongs to the organisation that recorded the commission.
 */
import { randomUUID } from 'node:crypto';
import { createClient, graphql, PeaceGraphError, type PeaceGraphClient, type Schema } from '@peacegraph/client';

interface CaseState {
  id: string;
  reference: string;
  version: number;
  status: Schema.CaseStatus;
}
const CASE = 'id reference version status';

const REPORT = graphql<{ reportConflictCase: CaseState | null }, { input: Schema.ReportConflictCaseInput }>(
  `mutation Report($input: ReportConflictCaseInput!) { reportConflictCase(input: $input) { ${CASE} } }`,
);
const START_MEDIATION = graphql<{ startMediation: CaseState | null }, Schema.MutationStartMediationArgs>(
  `mutation StartMediation($id: ID!, $version: Int!, $input: StatusChangeInput!) { startMediation(id: $id, version: $version, input: $input) { ${CASE} } }`,
);
const SESSION = graphql<{ recordMediationSession: CaseState | null }, Schema.MutationRecordMediationSessionArgs>(
  `mutation Session($id: ID!, $version: Int!, $input: MediationSessionInput!) { recordMediationSession(id: $id, version: $version, input: $input) { ${CASE} } }`,
);
const RESOLVE = graphql<{ recordResolution: CaseState | null }, Schema.MutationRecordResolutionArgs>(
  `mutation Resolve($id: ID!, $version: Int!, $input: ResolutionInput!) { recordResolution(id: $id, version: $version, input: $input) { ${CASE} } }`,
);

export interface ResolvedCase {
  reference: string;
  status: Schema.CaseStatus;
  daysToResolution: number | null;
  history: { from: Schema.CaseStatus | null; to: Schema.CaseStatus; changedOn: string }[];
  sessions: { heldOn: string; outcome: Schema.MediationOutcome }[];
  resolution: { outcome: Schema.ResolutionOutcome; reachedOn: string } | null;
}

const READ = graphql<
  {
    conflictCase:
      | (Pick<Schema.ConflictCase, 'reference' | 'status' | 'daysToResolution'> & {
          history: ResolvedCase['history'];
          mediationSessions: ResolvedCase['sessions'];
          resolutions: { outcome: Schema.ResolutionOutcome; reachedOn: string }[];
        })
      | null;
  },
  { id: string }
>(`
  query Case($id: ID!) {
    conflictCase(id: $id) {
      reference
      status
      daysToResolution
      history {
        from
        to
        changedOn
      }
      mediationSessions {
        heldOn
        outcome
      }
      resolutions {
        outcome
        reachedOn
      }
    }
  }
`);

/** The date `days` before today (UTC), as YYYY-MM-DD. */
export function daysAgo(days: number, now = new Date()): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

/** Reports a case to the commission and follows it to its resolution; returns the case as read back. */
export async function recordCaseToResolution(
  client: PeaceGraphClient,
  peaceCommission: string,
  { print = (line: string) => console.log(line) }: { print?: (line: string) => void } = {},
): Promise<ResolvedCase> {
  const step = (name: string, kase: CaseState | null): CaseState => {
    if (!kase) throw new Error(`${name}: no case came back`);
    print(`${name}: ${kase.reference} is ${kase.status} (version ${kase.version})`);
    return kase;
  };
  let kase = step(
    'reported',
    (
      await client.request(REPORT, {
        input: {
          peaceCommission,
          reportedOn: daysAgo(21),
          level: 'COMMUNITY',
          type: 'FARMER_HERDER',
          parties: [
            { kind: 'GROUP', sex: 'MALE', ageGroup: 'YOUTH' },
            { kind: 'FAMILY', sex: 'MIXED', ageGroup: 'MIXED' },
          ],
          narrative: 'Cattle crossed a millet field before the harvest; the farmer’s family asks for damages.',
          // The same id on a retry answers the first case instead of recording a second one.
          clientMutationId: randomUUID(),
        },
      })
    ).reportConflictCase,
  );
  kase = step(
    'mediation started',
    (
      await client.request(START_MEDIATION, {
        id: kase.id,
        version: kase.version,
        input: { on: daysAgo(20), note: 'Both families agreed to meet.' },
      })
    ).startMediation,
  );
  kase = step(
    'session held',
    (
      await client.request(SESSION, {
        id: kase.id,
        version: kase.version,
        input: {
          heldOn: daysAgo(14),
          mediators: { women: 1, men: 2 },
          attendance: { women: 3, men: 5 },
          outcome: 'AGREEMENT_REACHED',
          notes: 'Damages agreed in millet; the corridor will be marked.',
        },
      })
    ).recordMediationSession,
  );
  try {
    kase = step(
      'resolved',
      (
        await client.request(RESOLVE, {
          id: kase.id,
          version: kase.version,
          input: {
            outcome: 'FULL_AGREEMENT',
            reachedOn: daysAgo(14),
            termsSummary: 'Two sacks of millet; the corridor marked before the rains.',
          },
        })
      ).recordResolution,
    );
  } catch (error) {
    // What a clerk's tool shows for a refused change: the field and the plain message of each problem.
    if (error instanceof PeaceGraphError && error.code === 'BAD_USER_INPUT') {
      for (const problem of error.problems) print(`refused: ${problem.field}: ${problem.message}`);
    }
    throw error;
  }
  const { conflictCase } = await client.request(READ, { id: kase.id });
  if (!conflictCase) throw new Error(`The case ${kase.reference} cannot be read back`);
  const resolution = conflictCase.resolutions.at(-1) ?? null;
  print(`${conflictCase.reference}: ${conflictCase.status} after ${conflictCase.daysToResolution} days`);
  for (const change of conflictCase.history) print(`  ${change.changedOn} ${change.from ?? '—'} → ${change.to}`);
  return {
    reference: conflictCase.reference,
    status: conflictCase.status,
    daysToResolution: conflictCase.daysToResolution ?? null,
    history: conflictCase.history,
    sessions: conflictCase.mediationSessions,
    resolution,
  };
}

if (require.main === module) {
  const client = createClient({
    url: process.env.PEACEGRAPH_URL ?? 'http://localhost:4000/graphql',
    token: process.env.PEACEGRAPH_TOKEN,
    purpose: 'recording a case of the peace commission',
    clientName: 'example-case-to-resolution',
    clientVersion: '1.0.0',
  });
  const commission = process.argv[2];
  if (!commission) {
    console.error('Usage: npx tsx examples/case-to-resolution.ts <peace commission id>');
    process.exitCode = 2;
  } else {
    recordCaseToResolution(client, commission).catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
  }
}
