import type { DataSource } from 'typeorm';
import { AuditRecorder, ReferenceChecks, seedOnce, type DirectoryClient, type Viewer } from '@peacegraph/kit';
import { createContextFactory } from '../context';
import type { ConflictCase } from '../entities';
import { DEMO_COMMISSIONS, DEMO_OWNER_ORGANISATION_ID, demoCommunityId } from './demo-data';
import { demoCasePlans, type CasePlan, type Step } from './generate';

/** The demo loader acts as the network's own staff, through the same services and rules as partners. */
const SEEDER: Viewer = {
  kind: 'partner',
  subject: 'demo-seed',
  organisationId: DEMO_OWNER_ORGANISATION_ID,
  scopes: new Set(['conflicts:write']),
  via: 'token',
};

type Context = Awaited<ReturnType<ReturnType<typeof createContextFactory>>>;
type Planned = { plan: CasePlan; kase: ConflictCase };
type StepOf<A extends Step['action']> = Extract<Step, { action: A }>;

/**
 * Takes one step of many cases at once, through the services' batch methods: one transaction and a
 * few statements per kind of step, every rule checked for every case.
 */
async function takeSteps(context: Context, batch: { kase: ConflictCase; step: Step }[]): Promise<ConflictCase[]> {
  // The steps of one kind, as the services take them (without the seed's own `action` tag).
  const of = <A extends Step['action']>(action: A) =>
    batch
      .filter(({ step }) => step.action === action)
      .map(({ kase, step }) => {
        const { action: _action, ...input } = step as StepOf<A>;
        return { id: kase.id, version: kase.version, step: input as Omit<StepOf<A>, 'action'> };
      });
  const followUps = await Promise.all(
    of('followUp').map(async ({ id, version, step }) => ({
      id,
      version,
      input: { followUp: await scheduledCheck(context, id, step.heldOn), heldOn: step.heldOn, finding: step.finding },
    })),
  );
  const done = await Promise.all([
    context.mediation.startMany(of('startMediation').map(({ id, version, step }) => ({ id, version, input: { on: step.on } }))),
    context.mediation.recordSessions(of('session').map(({ id, version, step }) => ({ id, version, input: step }))),
    context.referrals.referMany(of('refer').map(({ id, version, step }) => ({ id, version, input: step }))),
    context.referrals.recordFeedbacks(of('feedback').map(({ id, version, step }) => ({ id, version, input: step }))),
    context.resolutions.recordMany(of('resolution').map(({ id, version, step }) => ({ id, version, input: step }))),
    context.followUps.recordMany(followUps),
    context.followUps.reportRelapses(of('relapse').map(({ id, version, step }) => ({ id, version, input: { on: step.on } }))),
  ]);
  return done.flat();
}

/** The check a follow-up visit keeps: the first one still open for the current resolution and due by then. */
async function scheduledCheck(context: Context, caseId: string, heldOn: string): Promise<string | null> {
  const [resolutions, checks] = await Promise.all([
    context.loaders.resolutionsOfCase.load(caseId),
    context.loaders.followUpsOfCase.load(caseId),
  ]);
  const resolution = resolutions.at(-1);
  return checks.find((check) => !check.heldOn && check.resolutionId === resolution?.id && check.dueOn! <= heldOn)?.id ?? null;
}

/**
 * Loads the demo commissions and a few hundred cases once per database. Every write goes through the
 * services, so demo data obeys every rule real data does; cases already present (an interrupted load)
 * are left as they are, which keeps the load idempotent.
 */
export function seedDemoData(dataSource: DataSource, directory: DirectoryClient): Promise<boolean> {
  return seedOnce(dataSource, 'conflicts-demo-v1', async () => {
    // One directory client for the whole load: it asks about the same nine communities hundreds of times.
    const factory = createContextFactory(dataSource, () => directory);
    const audit = new AuditRecorder(dataSource, SEEDER, { operation: 'seed', purpose: 'demo data', requestId: null });
    const commissions = new Map<number, string>();
    const setup = await factory(SEEDER, audit);
    for (const commission of DEMO_COMMISSIONS) {
      const created = await setup.commissions.create({
        community: demoCommunityId(commission.position),
        managementCommittee: `Comité de gestion communautaire de ${commission.name}`,
        establishedOn: commission.establishedOn,
        membership: commission.membership,
        clientMutationId: `demo:commission:${commission.position}`,
      });
      commissions.set(commission.position, created.id);
    }
    // Reported in date order, so that references follow the calendar within each area and year.
    const plans = demoCasePlans().sort((a, b) => a.reportedOn.localeCompare(b.reportedOn));
    const reporting = await factory(SEEDER, audit);
    const reported = await reporting.cases.reportMany(
      plans.map((plan) => ({
        peaceCommission: commissions.get(plan.commission.position)!,
        reportedOn: plan.reportedOn,
        level: plan.level,
        otherCommunities: plan.otherCommunities.map(demoCommunityId),
        type: plan.type,
        parties: plan.parties,
        narrative: plan.narrative,
        clientMutationId: plan.clientMutationId,
      })),
    );
    // A case met again (an interrupted load) keeps the life it has: replaying steps would break the rules.
    let living: Planned[] = plans
      .map((plan, i) => ({ plan, kase: reported[i]! }))
      .filter(({ kase }) => kase.version === 1 && kase.status === 'REPORTED');
    // Wave n takes the n-th step of every case that has one, with fresh loaders as a request would have.
    for (let n = 0; living.length > 0; n += 1) {
      living = living.filter(({ plan }) => plan.steps.length > n);
      const context = await factory(SEEDER, audit);
      const stepped = await takeSteps(
        context,
        living.map(({ plan, kase }) => ({ kase, step: plan.steps[n]! })),
      );
      const byId = new Map(stepped.map((kase) => [kase.id, kase]));
      living = living.map(({ plan, kase }) => ({ plan, kase: byId.get(kase.id)! }));
    }
  });
}

/** The directory the demo data asks about its communities, answering and holding its own demo data. */
export function directoryReady(directoryUrl: string) {
  return ReferenceChecks.ready(directoryUrl, demoCommunityId(DEMO_COMMISSIONS[0]!.position));
}
