import { badInput } from '@peacegraph/kit/errors';
import { isoDate, notBefore, notInFuture, optionalText, Problems, requiredText } from '@peacegraph/kit/input';
import type { RecordWrites } from '@peacegraph/kit/writes';
import { type ConflictCase } from '../conflict-case/conflict-case.entity';
import type { ReferralFeedbackInput, ReferralInput } from '../generated/resolvers';
import type { Loaders } from '../loaders';
import type { Repositories } from '../repositories';
import { changeCase, editableCase } from '../conflict-case/conflict-case.change';
import { checkCaseDate } from '../conflict-case/conflict-case.dates';
import { openReferral } from './referral.rules';
import { checkTransition } from '../conflict-case/conflict-case.status';

/** Passing a case to a village chief, mayor, land commission, court or the police, and their answer. */
export class ReferralService {
  constructor(
    private readonly repositories: Repositories,
    private readonly loaders: Loaders,
    private readonly writes: RecordWrites,
  ) {}

  async refer(id: string, version: number, input: ReferralInput): Promise<ConflictCase> {
    const { writer, current } = await editableCase(this.writes, this.loaders, id, version);
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
    const referral = {
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
    return changeCase(this.writes, this.repositories.cases, writer, current, version, {
      operation: 'referConflictCase',
      input,
      status: { to: 'REFERRED', on: referredOn, note: null },
      records: (manager) => this.repositories.referrals.add(manager, referral),
    });
  }

  async recordFeedback(id: string, version: number, input: ReferralFeedbackInput): Promise<ConflictCase> {
    const { writer, current } = await editableCase(this.writes, this.loaders, id, version);
    const referral = current.status === 'REFERRED' ? openReferral(await this.loaders.referralsOfCase.load(current.id)) : undefined;
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
    return changeCase(this.writes, this.repositories.cases, writer, current, version, {
      operation: 'recordReferralFeedback',
      input,
      records: (manager) => this.repositories.referrals.recordFeedback(manager, referral, { feedbackOn: receivedOn, feedback }),
    });
  }
}
