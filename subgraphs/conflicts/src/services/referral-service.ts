import { badInput, isoDate, notBefore, notInFuture, optionalText, Problems, requiredText } from '@peacegraph/kit';
import { ReferralSchema, type ConflictCase, type ReferralBody } from '../entities';
import type { Loaders } from '../loaders';
import { CaseChanges, givenFields, newId, one, type CaseChange, type ChangeRequest } from './case-changes';
import { checkCaseDate } from './case-dates';
import { openReferral } from './referral-rules';
import { checkTransition } from './status-machine';

export interface ReferralInput {
  referredTo: ReferralBody;
  referredToOther?: string | null;
  referredOn: Date | string;
  reason?: string | null;
}

export interface ReferralFeedbackInput {
  receivedOn: Date | string;
  feedback: string;
}

/** Passing a case to a village chief, mayor, land commission, court or the police, and their answer. */
export class ReferralService {
  constructor(
    private readonly changes: CaseChanges,
    private readonly loaders: Loaders,
  ) {}

  refer(id: string, version: number, input: ReferralInput): Promise<ConflictCase> {
    return one(this.referMany([{ id, version, input }]));
  }

  async referMany(requests: readonly ChangeRequest<ReferralInput>[]): Promise<ConflictCase[]> {
    const { writer, opened } = await this.changes.open(requests);
    const changes = opened.map(({ current, version, input }): CaseChange => {
      checkTransition(current.status, 'REFERRED');
      // The case's state is refused at once; then every problem of the input together.
      const problems = new Problems();
      const referredOn = isoDate(input.referredOn);
      problems.check('input.referredOn', () => checkCaseDate('input.referredOn', referredOn, 'The referral date', current));
      const other = problems.check('input.referredToOther', () =>
        optionalText('input.referredToOther', input.referredToOther, 'Who the case was referred to', 200),
      );
      if (input.referredTo === 'OTHER' && other === null) problems.add('input.referredToOther', 'Say to whom the case was referred');
      if (input.referredTo !== 'OTHER' && other) problems.add('input.referredToOther', 'Only for referrals to OTHER');
      const { reason } = problems.done({
        reason: problems.check('input.reason', () => optionalText('input.reason', input.reason, 'The reason', 4000)),
      });
      const row = {
        id: newId(),
        caseId: current.id,
        referredTo: input.referredTo,
        referredToOther: other ?? null,
        referredOn,
        reason,
        feedbackOn: null,
        feedback: null,
        ownerOrg: current.ownerOrg,
        createdBy: writer.subject,
      };
      return {
        current,
        version,
        fields: givenFields(input),
        status: { to: 'REFERRED', on: referredOn, note: null },
        inserts: [{ schema: ReferralSchema, row }],
      };
    });
    return this.changes.apply(writer, 'referConflictCase', changes);
  }

  recordFeedback(id: string, version: number, input: ReferralFeedbackInput): Promise<ConflictCase> {
    return one(this.recordFeedbacks([{ id, version, input }]));
  }

  async recordFeedbacks(requests: readonly ChangeRequest<ReferralFeedbackInput>[]): Promise<ConflictCase[]> {
    const { writer, opened } = await this.changes.open(requests);
    const referrals = await Promise.all(opened.map(({ current }) => this.loaders.referralsOfCase.load(current.id)));
    const changes = opened.map(({ current, version, input }, i): CaseChange => {
      const referral = current.status === 'REFERRED' ? openReferral(referrals[i]!) : undefined;
      if (!referral) throw badInput('id', `Case ${current.reference} is ${current.status}, not REFERRED: no referral awaits feedback`);
      if (referral.feedbackOn)
        throw badInput('id', `The referral of ${referral.referredOn} already has its feedback (${referral.feedbackOn})`);
      const problems = new Problems();
      const receivedOn = isoDate(input.receivedOn);
      problems.check('input.receivedOn', () => {
        notInFuture('input.receivedOn', receivedOn, 'The feedback date');
        notBefore('input.receivedOn', receivedOn, referral.referredOn, 'the case was referred');
      });
      const { feedback } = problems.done({
        feedback: problems.check('input.feedback', () => requiredText('input.feedback', input.feedback, 'The feedback', 4000)),
      });
      return {
        current,
        version,
        fields: givenFields(input),
        updates: [{ record: 'referral', id: referral.id, version: referral.version, values: { feedback_on: receivedOn, feedback } }],
      };
    });
    return this.changes.apply(writer, 'recordReferralFeedback', changes);
  }
}
