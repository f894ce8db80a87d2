import type { DataSource } from 'typeorm';
import { ReferenceChecks, type DirectoryClient } from '@peacegraph/kit/input';
import { demoSeeder, seedOnce } from '@peacegraph/kit/sql';
import { createContextFactory, type ConflictsContext } from '../context';
import type { ConflictCase } from '../conflict-case/conflict-case.entity';
import { DEMO_COMMISSIONS, DEMO_OWNER_ORGANISATION_ID, demoCommunityId } from './demo-data';
import { demoCasePlans, type Step } from './generate';

type StepOf<A extends Step['action']> = Extract<Step, { action: A }>;

/** A step as its service takes it: the plan's step without the seed's own `action` tag. */
function inputOf<A extends Step['action']>({ action: _action, ...input }: StepOf<A>): Omit<StepOf<A>, 'action'> {
  return input;
}

/** Takes one step of a case's life through the service method a partner's request reaches. */
async function takeStep(context: ConflictsContext, { id, version }: ConflictCase, step: Step): Promise<ConflictCase> {
  switch (step.action) {
    case 'startMediation':
      return context.mediation.start(id, version, { on: step.on });
    case 'session':
      return context.mediation.recordSession(id, version, inputOf(step));
    case 'refer':
      return context.referrals.refer(id, version, inputOf(step));
    case 'feedback':
      return context.referrals.recordFeedback(id, version, inputOf(step));
    case 'resolution':
      return context.resolutions.record(id, version, inputOf(step));
    case 'followUp': {
      const followUp = await scheduledCheck(context, id, step.heldOn);
      return context.followUps.record(id, version, { followUp, heldOn: step.heldOn, finding: step.finding });
    }
    case 'relapse':
      return context.followUps.reportRelapse(id, version, { on: step.on });
  }
}

/** Cases whose lives are written at once: one write each, within the seed's connection pool. */
const LIVES_AT_ONCE = 4;

/**
 * Runs `work` on every item, `width` at a time, starting them in order: one waiting write does not
 * hold up the others, and a failure stops new items from starting.
 */
async function inTurns<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++]!;
      await work(item).catch((error: unknown) => {
        failed = true;
        throw error;
      });
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
}

/** The check a follow-up visit keeps: the first one still open for the current resolution and due by then. */
async function scheduledCheck(context: ConflictsContext, caseId: string, heldOn: string): Promise<string | null> {
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
    // The demo loader acts as the network's own staff, through the same services and rules as partners.
    const { viewer: seeder, audit } = demoSeeder(dataSource, DEMO_OWNER_ORGANISATION_ID, ['conflicts:write']);
    const commissions = new Map<number, string>();
    const setup = await factory(seeder, audit);
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
    // Reported in date order, so that references follow the calendar within each area and year; the
    // lives of a few cases run at once, each write through the single-case services.
    const plans = demoCasePlans().sort((a, b) => a.reportedOn.localeCompare(b.reportedOn));
    let reported: Promise<unknown> = Promise.resolve();
    await inTurns(plans, LIVES_AT_ONCE, async (plan) => {
      const context = await factory(seeder, audit);
      const report = reported.then(() =>
        context.cases.report({
          peaceCommission: commissions.get(plan.commission.position)!,
          reportedOn: plan.reportedOn,
          level: plan.level,
          otherCommunities: plan.otherCommunities.map(demoCommunityId),
          type: plan.type,
          parties: plan.parties,
          narrative: plan.narrative,
          clientMutationId: plan.clientMutationId,
        }),
      );
      reported = report;
      let kase = await report;
      // A case met again (an interrupted load) keeps the life it has: replaying steps would break the rules.
      if (kase.version !== 1 || kase.status !== 'REPORTED') return;
      for (const step of plan.steps) kase = await takeStep(context, kase, step);
    });
  });
}

/** The directory the demo data asks about its communities, answering and holding its own demo data. */
export function directoryReady(directoryUrl: string) {
  return ReferenceChecks.ready(directoryUrl, demoCommunityId(DEMO_COMMISSIONS[0]!.position));
}
