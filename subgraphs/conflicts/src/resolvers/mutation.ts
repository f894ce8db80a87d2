import type { ConflictsContext } from '../context';
import type { ReportConflictCaseInput, UpdateConflictCaseInput } from '../conflict-case/conflict-case.service';
import type { FollowUpInput, ScheduleFollowUpInput } from '../follow-up/follow-up.service';
import type { MediationSessionInput, StatusChangeInput } from '../mediation-session/mediation-session.service';
import type { CreatePeaceCommissionInput, UpdatePeaceCommissionInput } from '../peace-commission/peace-commission.service';
import type { ReferralFeedbackInput, ReferralInput } from '../referral/referral.service';
import type { ResolutionInput } from '../resolution/resolution.service';

/** A change to a case: its id, the version the caller read, and what changes. */
type Change<I> = { id: string; version: number; input: I };

export const Mutation = {
  createPeaceCommission: (_: unknown, { input }: { input: CreatePeaceCommissionInput }, { commissions }: ConflictsContext) =>
    commissions.create(input),
  updatePeaceCommission: (_: unknown, { id, version, input }: Change<UpdatePeaceCommissionInput>, { commissions }: ConflictsContext) =>
    commissions.update(id, version, input),

  reportConflictCase: (_: unknown, { input }: { input: ReportConflictCaseInput }, { cases }: ConflictsContext) => cases.report(input),
  updateConflictCase: (_: unknown, { id, version, input }: Change<UpdateConflictCaseInput>, { cases }: ConflictsContext) =>
    cases.update(id, version, input),

  startMediation: (_: unknown, { id, version, input }: Change<StatusChangeInput>, { mediation }: ConflictsContext) =>
    mediation.start(id, version, input),
  recordMediationSession: (_: unknown, { id, version, input }: Change<MediationSessionInput>, { mediation }: ConflictsContext) =>
    mediation.recordSession(id, version, input),
  referConflictCase: (_: unknown, { id, version, input }: Change<ReferralInput>, { referrals }: ConflictsContext) =>
    referrals.refer(id, version, input),
  recordReferralFeedback: (_: unknown, { id, version, input }: Change<ReferralFeedbackInput>, { referrals }: ConflictsContext) =>
    referrals.recordFeedback(id, version, input),
  recordResolution: (_: unknown, { id, version, input }: Change<ResolutionInput>, { resolutions }: ConflictsContext) =>
    resolutions.record(id, version, input),
  scheduleFollowUp: (_: unknown, { id, version, input }: Change<ScheduleFollowUpInput>, { followUps }: ConflictsContext) =>
    followUps.schedule(id, version, input),
  recordFollowUp: (_: unknown, { id, version, input }: Change<FollowUpInput>, { followUps }: ConflictsContext) =>
    followUps.record(id, version, input),
  reportRelapse: (_: unknown, { id, version, input }: Change<StatusChangeInput>, { followUps }: ConflictsContext) =>
    followUps.reportRelapse(id, version, input),
};
