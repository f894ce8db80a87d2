import { dataOf as ok } from '@peacegraph/kit/testing';
import { ECOWAS, MINISTRY, OWNER, type ForumsUnderTest } from './support';

/** The data of a response that must succeed, or the test fails with its errors (the kit's). */
export { ok };

export type Client = ForumsUnderTest['owner'];
export type Errors = { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] | undefined;
export interface Ref {
  id: string;
  version: number;
}

/** `path:CODE` of each error, sorted: what a caller was refused, and why. */
export const codes = (errors: Errors) => (errors ?? []).map((e) => `${e.path?.join('.')}:${e.extensions?.code}`).sort();

/** Input types of the mutations, to write one helper for all of them. */
export const INPUT_TYPES: Record<string, string> = {
  createForum: 'CreateForumInput',
  updateForum: 'UpdateForumInput',
  recordForumParticipants: 'ForumParticipantsInput',
  addForumWorkingGroup: 'AddForumWorkingGroupInput',
  updateForumWorkingGroup: 'UpdateForumWorkingGroupInput',
  recordTestimony: 'RecordTestimonyInput',
  updateTestimony: 'UpdateTestimonyInput',
  setTestimonyConsent: 'TestimonyConsentInput',
  publishTestimony: 'ForumPublicationInput',
  createDeclaration: 'CreateDeclarationInput',
  updateDeclaration: 'UpdateDeclarationInput',
  saveDeclarationTranslation: 'DeclarationTranslationInput',
  addDeclarationRecipient: 'DeclarationRecipientInput',
  recordDeclarationDelivery: 'DeclarationDeliveryInput',
  publishDeclaration: 'ForumPublicationInput',
  addForumRecommendation: 'AddForumRecommendationInput',
  updateForumRecommendation: 'UpdateForumRecommendationInput',
  recordRecommendationFollowUp: 'RecommendationFollowUpInput',
};

/** Mutations that create a record take only `input`; the others change a record at a version. */
export const CREATES = new Set(['createForum', 'addForumWorkingGroup', 'recordTestimony', 'createDeclaration', 'addForumRecommendation']);

/** Runs any mutation and selects `id version` (plus `extra`), returning the raw response. */
export function mutate(client: Client, mutation: string, input: Record<string, unknown>, target?: Ref, extra = '') {
  const type = INPUT_TYPES[mutation]!;
  const [signature, call] = CREATES.has(mutation)
    ? [`($input: ${type}!)`, `${mutation}(input: $input)`]
    : [`($id: ID!, $version: Int!, $input: ${type}!)`, `${mutation}(id: $id, version: $version, input: $input)`];
  return client<Record<string, Ref & Record<string, unknown>>>(`mutation ${signature} { ${call} { id version ${extra} } }`, {
    input,
    ...(target ? { id: target.id, version: target.version } : {}),
  });
}

/** Like mutate, but fails the test on errors and returns the record's id and version. */
export async function done(client: Client, mutation: string, input: Record<string, unknown>, target?: Ref): Promise<Ref> {
  return (await ok(mutate(client, mutation, input, target)))[mutation]!;
}

export const FORUM = {
  title: 'Forum national sur la prévention de l’extrémisme violent',
  scope: 'NATIONAL',
  startsOn: '2025-11-18',
  endsOn: '2025-11-20',
  venue: { adminArea: 'ML0901', name: 'Centre international de conférences de Bamako' },
  convenors: [OWNER, MINISTRY],
  coConvenors: [ECOWAS],
  countriesRepresented: ['BF', 'NE'],
};

export const createForum = (client: Client, input: Record<string, unknown> = {}) => done(client, 'createForum', { ...FORUM, ...input });

export const TESTIMONY = {
  language: 'fra',
  text: 'Depuis que les champs sont abandonnés, les jeunes partent et la réconciliation devient difficile.',
  speakerRole: 'YOUTH',
  speakerAgeGroup: 'YOUTH',
  speakerRegion: 'ML05',
  givenOn: '2025-11-19',
  consentToPublish: true,
};

export const recordTestimony = (client: Client, forum: string, input: Record<string, unknown> = {}) =>
  done(client, 'recordTestimony', { forum, ...TESTIMONY, ...input });

export const DECLARATION = {
  language: 'fra',
  title: 'Déclaration de Bamako pour la paix',
  text: 'Nous, participantes et participants, appelons à la réconciliation nationale et à la cohésion sociale.',
  adoptedOn: '2025-11-20',
  translations: [
    {
      language: 'eng',
      title: 'Bamako Declaration for Peace',
      text: 'We, the participants, call for national reconciliation and social cohesion.',
    },
  ],
};

export const createDeclaration = (client: Client, forum: string, input: Record<string, unknown> = {}) =>
  done(client, 'createDeclaration', { forum, ...DECLARATION, ...input });

export const RECOMMENDATION = {
  theme: 'GOVERNANCE',
  addressee: 'GOVERNMENT',
  text: 'Associer les femmes et les jeunes aux comités locaux de gestion foncière.',
  translations: [{ language: 'eng', text: 'Involve women and young people in local land management committees.' }],
};

export const addRecommendation = (client: Client, declaration: string, input: Record<string, unknown> = {}) =>
  done(client, 'addForumRecommendation', { declaration, ...RECOMMENDATION, ...input });

export const FOLLOW_UP = {
  reportedOn: '2026-02-10',
  evidence: 'Arrêté ministériel publié au journal officiel.',
  reporter: 'Comité de suivi du forum',
};
