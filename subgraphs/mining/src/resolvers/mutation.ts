import type { MiningContext } from '../context';

/** The argument a service method takes: the input object as the SDL declares it. */
type InputOf<F> = F extends (input: infer I, ...rest: never[]) => unknown ? I : never;
type UpdateInputOf<F> = F extends (id: string, version: number, input: infer I) => unknown ? I : never;

type Create<F> = { input: InputOf<F> };
type Update<F> = { id: string; version: number; input: UpdateInputOf<F> };
type C = MiningContext;

/** Thin: arguments → service. Rules, ownership and audit are the services'. */
export const Mutation = {
  createLegalInstrument: (_: unknown, { input }: Create<C['instruments']['create']>, { instruments }: C) => instruments.create(input),
  updateLegalInstrument: (_: unknown, { id, version, input }: Update<C['instruments']['update']>, { instruments }: C) =>
    instruments.update(id, version, input),
  addProvision: (_: unknown, { input }: Create<C['instruments']['addProvision']>, { instruments }: C) => instruments.addProvision(input),
  updateProvision: (_: unknown, { id, version, input }: Update<C['instruments']['updateProvision']>, { instruments }: C) =>
    instruments.updateProvision(id, version, input),

  createMiningSite: (_: unknown, { input }: Create<C['sites']['create']>, { sites }: C) => sites.create(input),
  updateMiningSite: (_: unknown, { id, version, input }: Update<C['sites']['update']>, { sites }: C) => sites.update(id, version, input),

  recordCommunityConsultation: (_: unknown, { input }: Create<C['consultations']['record']>, { consultations }: C) =>
    consultations.record(input),
  updateCommunityConsultation: (_: unknown, { id, version, input }: Update<C['consultations']['update']>, { consultations }: C) =>
    consultations.update(id, version, input),

  recordMiningTraining: (_: unknown, { input }: Create<C['trainings']['record']>, { trainings }: C) => trainings.record(input),
  updateMiningTraining: (_: unknown, { id, version, input }: Update<C['trainings']['update']>, { trainings }: C) =>
    trainings.update(id, version, input),

  recordPolicyDialogue: (_: unknown, { input }: Create<C['dialogues']['record']>, { dialogues }: C) => dialogues.record(input),
  updatePolicyDialogue: (_: unknown, { id, version, input }: Update<C['dialogues']['update']>, { dialogues }: C) =>
    dialogues.update(id, version, input),
  addPolicyCommitment: (_: unknown, { input }: Create<C['dialogues']['addCommitment']>, { dialogues }: C) => dialogues.addCommitment(input),
  changePolicyCommitmentStatus: (_: unknown, { id, version, input }: Update<C['dialogues']['changeStatus']>, { dialogues }: C) =>
    dialogues.changeStatus(id, version, input),

  recordMediaIntervention: (_: unknown, { input }: Create<C['media']['record']>, { media }: C) => media.record(input),
  updateMediaIntervention: (_: unknown, { id, version, input }: Update<C['media']['update']>, { media }: C) =>
    media.update(id, version, input),
  recordPublication: (_: unknown, { input }: Create<C['media']['recordPublication']>, { media }: C) => media.recordPublication(input),
  updatePublication: (_: unknown, { id, version, input }: Update<C['media']['updatePublication']>, { media }: C) =>
    media.updatePublication(id, version, input),
};
