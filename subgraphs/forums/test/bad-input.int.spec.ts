import { problemsOf } from '@peacegraph/kit/testing';
import { COMMUNITIES, OWNER, startStack, type StackUnderTest } from './support';
import {
  DECLARATION,
  FOLLOW_UP,
  FORUM,
  RECOMMENDATION,
  TESTIMONY,
  addRecommendation,
  createDeclaration,
  createForum,
  done,
  mutate,
  ok,
  recordTestimony,
  type Ref,
} from './fixtures';

let stack: StackUnderTest;
const world: Record<string, Ref> = {};
let recipientId: string;
const UNKNOWN = '00000000-0000-4000-8000-00000000dead';

/** One forum with a record of every kind, in the states the refusals below need. */
beforeAll(async () => {
  stack = await startStack();
  const { owner } = stack.forums;
  world.forum = await createForum(owner);
  world.other = await createForum(owner, { title: 'Autre forum', startsOn: '2026-02-02', endsOn: '2026-02-03' });
  world.group = await done(owner, 'addForumWorkingGroup', { forum: world.forum.id, topic: 'GOOD_GOVERNANCE' });
  world.otherGroup = await done(owner, 'addForumWorkingGroup', { forum: world.other.id, topic: 'GOOD_GOVERNANCE' });
  world.testimony = await recordTestimony(owner, world.forum.id, { speakerRegion: 'BF56', givenOn: '2025-11-20' });
  world.unconsented = await recordTestimony(owner, world.forum.id, { consentToPublish: false });
  world.published = await done(
    owner,
    'publishTestimony',
    { publishedOn: '2025-12-01' },
    await recordTestimony(owner, world.forum.id, { givenOn: '2025-11-18' }),
  );
  world.draft = await createDeclaration(owner, world.forum.id, { recipients: [{ recipient: 'Conseil régional de Mopti' }] });
  const { declaration } = await ok(
    owner<{ declaration: { recipients: { id: string }[] } }>(`query ($id: ID!) { declaration(id: $id) { recipients { id } } }`, {
      id: world.draft.id,
    }),
  );
  recipientId = declaration.recipients[0]!.id;
  world.declaration = await createDeclaration(owner, world.forum.id);
  world.declaration = await done(owner, 'publishDeclaration', { publishedOn: '2025-11-25' }, world.declaration);
  world.recommendation = await addRecommendation(owner, world.draft.id);
});
afterAll(() => stack.stop());

type Case = [
  label: string,
  mutation: string,
  input: () => Record<string, unknown>,
  target: (() => Ref) | null,
  field: string,
  message: RegExp,
];
const on = (name: string) => () => world[name]!;

const CASES: Case[] = [
  ['an empty title', 'createForum', () => ({ ...FORUM, title: '  ' }), null, 'input.title', /cannot be empty/],
  [
    'a forum ending before it starts',
    'createForum',
    () => ({ ...FORUM, endsOn: '2025-11-17' }),
    null,
    'input.endsOn',
    /ends \(2025-11-17\) before it starts/,
  ],
  ['a forum of more than 31 days', 'createForum', () => ({ ...FORUM, endsOn: '2025-12-31' }), null, 'input.endsOn', /at most 31 days/],
  [
    'a venue that is a community and an area',
    'createForum',
    () => ({ ...FORUM, venue: { community: COMMUNITIES.douentza, adminArea: 'ML05' } }),
    null,
    'input.venue.adminArea',
    /not both/,
  ],
  [
    'no venue',
    'createForum',
    () => ({ ...FORUM, venue: { name: 'Quelque part' } }),
    null,
    'input.venue.community',
    /community or the admin area/,
  ],
  [
    'an unknown community',
    'createForum',
    () => ({ ...FORUM, venue: { community: UNKNOWN } }),
    null,
    'input.venue.community',
    /No community with id/,
  ],
  [
    'an unknown admin area',
    'createForum',
    () => ({ ...FORUM, venue: { adminArea: 'ML99' } }),
    null,
    'input.venue.adminArea',
    /No admin area with P-code "ML99"/,
  ],
  ['no convenor', 'createForum', () => ({ ...FORUM, convenors: [] }), null, 'input.convenors', /at least one convenor/],
  [
    'an unknown convenor',
    'createForum',
    () => ({ ...FORUM, convenors: [OWNER, UNKNOWN] }),
    null,
    'input.convenors.1',
    /No organisation with id/,
  ],
  ['a convenor listed twice', 'createForum', () => ({ ...FORUM, convenors: [OWNER, OWNER] }), null, 'input.convenors.1', /listed twice/],
  [
    'a co-convenor that convenes already',
    'createForum',
    () => ({ ...FORUM, coConvenors: [OWNER] }),
    null,
    'input.coConvenors.0',
    /already a convenor/,
  ],
  [
    'a regional forum of one country',
    'createForum',
    () => ({ ...FORUM, scope: 'REGIONAL', countriesRepresented: [] }),
    null,
    'input.countriesRepresented',
    /at least two countries/,
  ],

  ['a title removed', 'updateForum', () => ({ title: null }), on('forum'), 'input.title', /cannot be removed/],
  [
    'a start after a testimony',
    'updateForum',
    () => ({ startsOn: '2025-11-19' }),
    on('forum'),
    'input.startsOn',
    /after a testimony or declaration of the forum \(2025-11-18\)/,
  ],
  [
    'an end before a testimony',
    'updateForum',
    () => ({ endsOn: '2025-11-19' }),
    on('forum'),
    'input.endsOn',
    /before a testimony given at the forum \(2025-11-20\)/,
  ],
  [
    'dropping a country speakers came from',
    'updateForum',
    () => ({ countriesRepresented: ['NE'] }),
    on('forum'),
    'input.countriesRepresented',
    /BF56: BF stays among the countries represented/,
  ],

  [
    'a category listed twice',
    'recordForumParticipants',
    () => ({
      groups: [
        { category: 'YOUTH', women: 1, men: 2 },
        { category: 'YOUTH', women: 3, men: 4 },
      ],
    }),
    on('forum'),
    'input.groups.1.category',
    /listed twice/,
  ],
  [
    'a negative count',
    'recordForumParticipants',
    () => ({ groups: [{ category: 'YOUTH', women: -1, men: 2 }] }),
    on('forum'),
    'input.groups.0.women',
    /whole number from 0/,
  ],
  [
    'a region of origin at level 2',
    'recordForumParticipants',
    () => ({ groups: [{ category: 'YOUTH', women: 10, men: 10 }], origins: [{ region: 'ML0501', participants: 5 }] }),
    on('forum'),
    'input.origins.0.region',
    /level-1/,
  ],
  [
    'a region of a country not represented',
    'recordForumParticipants',
    () => ({ groups: [{ category: 'YOUTH', women: 10, men: 10 }], origins: [{ region: 'SN01', participants: 5 }] }),
    on('forum'),
    'input.origins.0.region',
    /SN, which is not among the forum's countries/,
  ],
  [
    'more origins than participants',
    'recordForumParticipants',
    () => ({ groups: [{ category: 'YOUTH', women: 1, men: 1 }], origins: [{ region: 'ML05', participants: 3 }] }),
    on('forum'),
    'input.origins',
    /add up to 3 participants, more than the 2/,
  ],
  [
    'a region with nobody',
    'recordForumParticipants',
    () => ({ groups: [{ category: 'YOUTH', women: 1, men: 1 }], origins: [{ region: 'ML05', participants: 0 }] }),
    on('forum'),
    'input.origins.0.participants',
    /from 1/,
  ],

  [
    'an unknown forum',
    'addForumWorkingGroup',
    () => ({ forum: UNKNOWN, topic: 'GOOD_GOVERNANCE' }),
    null,
    'input.forum',
    /No forum with id/,
  ],
  [
    'a new topic without a name',
    'addForumWorkingGroup',
    () => ({ forum: world.forum!.id, topic: 'OTHER' }),
    null,
    'input.otherTopic',
    /Name the new topic/,
  ],
  [
    'a listed topic with a name',
    'addForumWorkingGroup',
    () => ({ forum: world.forum!.id, topic: 'GOOD_GOVERNANCE', otherTopic: 'Autre' }),
    null,
    'input.otherTopic',
    /Only an OTHER topic is named/,
  ],
  [
    'an unknown facilitator',
    'addForumWorkingGroup',
    () => ({ forum: world.forum!.id, topic: 'GOOD_GOVERNANCE', facilitator: UNKNOWN }),
    null,
    'input.facilitator',
    /No organisation/,
  ],
  [
    'a blank finding',
    'addForumWorkingGroup',
    () => ({ forum: world.forum!.id, topic: 'GOOD_GOVERNANCE', keyFindings: ['Un constat.', ' '] }),
    null,
    'input.keyFindings.1',
    /cannot be empty/,
  ],
  [
    'a new topic without a name',
    'updateForumWorkingGroup',
    () => ({ topic: 'OTHER' }),
    on('group'),
    'input.otherTopic',
    /Name the new topic/,
  ],
  [
    'findings over 1000 characters',
    'updateForumWorkingGroup',
    () => ({ keyFindings: ['x'.repeat(1001)] }),
    on('group'),
    'input.keyFindings.0',
    /^The finding is longer than 1000 characters \(got 1001\)$/,
  ],

  [
    'an empty testimony',
    'recordTestimony',
    () => ({ ...TESTIMONY, forum: world.forum!.id, text: '' }),
    null,
    'input.text',
    /cannot be empty/,
  ],
  [
    'a testimony given outside the forum',
    'recordTestimony',
    () => ({ ...TESTIMONY, forum: world.forum!.id, givenOn: '2025-11-21' }),
    null,
    'input.givenOn',
    /outside the forum \(2025-11-18 to 2025-11-20\)/,
  ],
  [
    'an unknown language',
    'recordTestimony',
    () => ({ ...TESTIMONY, forum: world.forum!.id, language: 'xyz' }),
    null,
    'input.language',
    /Unknown ISO 639-3 language code: xyz/,
  ],
  [
    'a speaker’s region at level 2',
    'recordTestimony',
    () => ({ ...TESTIMONY, forum: world.forum!.id, speakerRegion: 'ML0501' }),
    null,
    'input.speakerRegion',
    /level-1/,
  ],
  [
    'a speaker from a country not represented',
    'recordTestimony',
    () => ({ ...TESTIMONY, forum: world.forum!.id, speakerRegion: 'SN01' }),
    null,
    'input.speakerRegion',
    /not among the forum's countries/,
  ],
  [
    'a working group of another forum',
    'recordTestimony',
    () => ({ ...TESTIMONY, forum: world.forum!.id, workingGroup: world.otherGroup!.id }),
    null,
    'input.workingGroup',
    /at this forum/,
  ],
  [
    'new words for a published testimony',
    'updateTestimony',
    () => ({ text: 'Autre chose.' }),
    on('published'),
    'input.text',
    /withdraw the consent/,
  ],
  ['a speaker’s role removed', 'updateTestimony', () => ({ speakerRole: null }), on('testimony'), 'input.speakerRole', /cannot be removed/],
  ['publishing without consent', 'publishTestimony', () => ({ publishedOn: '2025-12-01' }), on('unconsented'), 'id', /not consented/],
  ['publishing twice', 'publishTestimony', () => ({ publishedOn: '2025-12-02' }), on('published'), 'id', /published on 2025-12-01/],
  [
    'publishing before the testimony was given',
    'publishTestimony',
    () => ({ publishedOn: '2025-11-19' }),
    on('testimony'),
    'input.publishedOn',
    /before the testimony was given/,
  ],

  [
    'an empty declaration title',
    'createDeclaration',
    () => ({ ...DECLARATION, forum: world.forum!.id, title: '' }),
    null,
    'input.title',
    /cannot be empty/,
  ],
  [
    'adoption before the forum',
    'createDeclaration',
    () => ({ ...DECLARATION, forum: world.forum!.id, adoptedOn: '2025-11-17' }),
    null,
    'input.adoptedOn',
    /before the forum started/,
  ],
  [
    'a translation into the original language',
    'createDeclaration',
    () => ({ ...DECLARATION, forum: world.forum!.id, translations: [{ language: 'fra', title: 't', text: 'x' }] }),
    null,
    'input.translations.0.language',
    /original language/,
  ],
  [
    'a language translated twice',
    'createDeclaration',
    () => ({ ...DECLARATION, forum: world.forum!.id, translations: [...DECLARATION.translations, ...DECLARATION.translations] }),
    null,
    'input.translations.1.language',
    /translated twice/,
  ],
  [
    'a drafter without a role',
    'createDeclaration',
    () => ({ ...DECLARATION, forum: world.forum!.id, drafters: [{ role: ' ' }] }),
    null,
    'input.drafters.0.role',
    /cannot be empty/,
  ],
  [
    'an unknown drafting organisation',
    'createDeclaration',
    () => ({ ...DECLARATION, forum: world.forum!.id, drafters: [{ role: 'Secrétariat', organisation: UNKNOWN }] }),
    null,
    'input.drafters.0.organisation',
    /No organisation/,
  ],
  [
    'a delivery before adoption',
    'createDeclaration',
    () => ({ ...DECLARATION, forum: world.forum!.id, recipients: [{ recipient: 'Primature', deliveredOn: '2025-11-19' }] }),
    null,
    'input.recipients.0.deliveredOn',
    /before the declaration was adopted/,
  ],
  [
    'a delivery note without a date',
    'createDeclaration',
    () => ({ ...DECLARATION, forum: world.forum!.id, recipients: [{ recipient: 'Primature', deliveryNote: 'Remise en main propre.' }] }),
    null,
    'input.recipients.0.deliveryNote',
    /goes with the delivery date/,
  ],
  [
    'adoption after publication',
    'updateDeclaration',
    () => ({ adoptedOn: '2025-11-26' }),
    on('declaration'),
    'input.adoptedOn',
    /after the declaration was published \(2025-11-25\)/,
  ],
  ['the text removed', 'updateDeclaration', () => ({ text: null }), on('draft'), 'input.text', /cannot be removed/],
  [
    'a translation into the original language',
    'saveDeclarationTranslation',
    () => ({ language: 'fra', title: 't', text: 'x' }),
    on('draft'),
    'input.language',
    /original language/,
  ],
  [
    'a translation into an unknown language',
    'saveDeclarationTranslation',
    () => ({ language: 'zzz', title: 't', text: 'x' }),
    on('draft'),
    'input.language',
    /Unknown ISO 639-3/,
  ],
  [
    'an empty translation',
    'saveDeclarationTranslation',
    () => ({ language: 'bam', title: 't', text: ' ' }),
    on('draft'),
    'input.text',
    /cannot be empty/,
  ],
  ['a recipient without a name', 'addDeclarationRecipient', () => ({ recipient: '' }), on('draft'), 'input.recipient', /cannot be empty/],
  [
    'an unknown recipient organisation',
    'addDeclarationRecipient',
    () => ({ recipient: 'Commission', organisation: UNKNOWN }),
    on('draft'),
    'input.organisation',
    /No organisation/,
  ],
  [
    'an unknown recipient',
    'recordDeclarationDelivery',
    () => ({ recipient: UNKNOWN, deliveredOn: '2025-12-01' }),
    on('draft'),
    'input.recipient',
    /No recipient/,
  ],
  [
    'a delivery in the future',
    'recordDeclarationDelivery',
    () => ({ recipient: recipientId, deliveredOn: '2099-01-01' }),
    on('draft'),
    'input.deliveredOn',
    /^The delivery date 2099-01-01 is in the future \(today is \d{4}-\d{2}-\d{2}\)$/,
  ],
  ['publishing twice', 'publishDeclaration', () => ({ publishedOn: '2025-12-01' }), on('declaration'), 'id', /published on 2025-11-25/],
  [
    'publishing before adoption',
    'publishDeclaration',
    () => ({ publishedOn: '2025-11-19' }),
    on('draft'),
    'input.publishedOn',
    /before the declaration was adopted/,
  ],

  [
    'an unknown declaration',
    'addForumRecommendation',
    () => ({ ...RECOMMENDATION, declaration: UNKNOWN }),
    null,
    'input.declaration',
    /No declaration/,
  ],
  [
    'an empty recommendation',
    'addForumRecommendation',
    () => ({ ...RECOMMENDATION, declaration: world.draft!.id, text: '' }),
    null,
    'input.text',
    /cannot be empty/,
  ],
  [
    'a community outside the addressed area',
    'addForumRecommendation',
    () => ({ ...RECOMMENDATION, declaration: world.draft!.id, addressedArea: 'ML07', addressedCommunity: COMMUNITIES.douentza }),
    null,
    'input.addressedCommunity',
    /outside the addressed area ML07/,
  ],
  [
    'a translation into the original language',
    'addForumRecommendation',
    () => ({ ...RECOMMENDATION, declaration: world.draft!.id, translations: [{ language: 'fra', text: 'x' }] }),
    null,
    'input.translations.0.language',
    /original language/,
  ],
  [
    'an unknown addressee organisation',
    'addForumRecommendation',
    () => ({ ...RECOMMENDATION, declaration: world.draft!.id, addresseeOrganisation: UNKNOWN }),
    null,
    'input.addresseeOrganisation',
    /No organisation/,
  ],
  ['the theme removed', 'updateForumRecommendation', () => ({ theme: null }), on('recommendation'), 'input.theme', /cannot be removed/],
  [
    'an unknown addressed community',
    'updateForumRecommendation',
    () => ({ addressedCommunity: UNKNOWN }),
    on('recommendation'),
    'input.addressedCommunity',
    /No community/,
  ],
  [
    'a follow-up without evidence',
    'recordRecommendationFollowUp',
    () => ({ ...FOLLOW_UP, status: 'IN_PROGRESS', evidence: ' ' }),
    on('recommendation'),
    'input.evidence',
    /cannot be empty/,
  ],
  [
    'evidence at a non-web address',
    'recordRecommendationFollowUp',
    () => ({ ...FOLLOW_UP, status: 'IN_PROGRESS', evidenceUrl: 'ftp://example.org/report' }),
    on('recommendation'),
    'input.evidenceUrl',
    /http or https/,
  ],
  [
    'a follow-up without a reporter',
    'recordRecommendationFollowUp',
    () => ({ ...FOLLOW_UP, status: 'IN_PROGRESS', reporter: '' }),
    on('recommendation'),
    'input.reporter',
    /cannot be empty/,
  ],
  [
    'an unknown reporting organisation',
    'recordRecommendationFollowUp',
    () => ({ ...FOLLOW_UP, status: 'IN_PROGRESS', reportingOrganisation: UNKNOWN }),
    on('recommendation'),
    'input.reportingOrganisation',
    /No organisation/,
  ],
];

/** Inputs with several problems at once: each is listed, in the order checked (the directory and the forum's records last). */
type Combination = [
  label: string,
  mutation: string,
  input: () => Record<string, unknown>,
  target: (() => Ref) | null,
  problems: [field: string, message: RegExp][],
];

const COMBINATIONS: Combination[] = [
  [
    'every removal',
    'updateForum',
    () => ({ title: null, scope: null, venue: null, convenors: null }),
    on('forum'),
    [
      ['input.title', /^The title cannot be removed$/],
      ['input.scope', /^The scope cannot be removed$/],
      ['input.venue', /^The venue cannot be removed$/],
      ['input.convenors', /^The convenors cannot be removed$/],
    ],
  ],
  [
    'an empty title, dates backwards and no convenor',
    'updateForum',
    () => ({ title: '  ', endsOn: '2025-11-17', convenors: [] }),
    on('forum'),
    [
      ['input.title', /cannot be empty/],
      ['input.endsOn', /ends \(2025-11-17\) before it starts/],
      ['input.convenors', /at least one convenor/],
    ],
  ],
  [
    'a long title, an unknown venue and a start after a testimony',
    'updateForum',
    () => ({ title: 'x'.repeat(301), venue: { community: UNKNOWN }, startsOn: '2025-11-19' }),
    on('forum'),
    [
      ['input.title', /^The title is longer than 300 characters \(got 301\)$/],
      ['input.venue.community', /No community with id/],
      ['input.startsOn', /after a testimony or declaration of the forum \(2025-11-18\)/],
    ],
  ],
  [
    'both dates inside its testimonies and a country speakers came from dropped',
    'updateForum',
    () => ({ startsOn: '2025-11-19', endsOn: '2025-11-19', countriesRepresented: ['NE'] }),
    on('forum'),
    [
      ['input.startsOn', /after a testimony or declaration of the forum \(2025-11-18\)/],
      ['input.endsOn', /before a testimony given at the forum \(2025-11-20\)/],
      ['input.countriesRepresented', /BF56: BF stays among the countries represented/],
    ],
  ],
  [
    'a long venue name, a convenor twice and a regional forum of one country',
    'updateForum',
    () => ({
      venue: { adminArea: 'ML0901', name: 'x'.repeat(201) },
      convenors: [OWNER, OWNER],
      scope: 'REGIONAL',
      countriesRepresented: [],
    }),
    on('forum'),
    [
      ['input.venue.name', /^The venue's name is longer than 200 characters \(got 201\)$/],
      ['input.convenors.1', /listed twice/],
      ['input.countriesRepresented', /at least two countries/],
    ],
  ],

  [
    'every removal',
    'updateDeclaration',
    () => ({ adoptedOn: null, title: null, text: null }),
    on('draft'),
    [
      ['input.adoptedOn', /^The adoption date cannot be removed$/],
      ['input.title', /^The title cannot be removed$/],
      ['input.text', /^The text cannot be removed$/],
    ],
  ],
  [
    'an adoption before the forum, an empty title and a drafter without a role',
    'updateDeclaration',
    () => ({ adoptedOn: '2025-11-17', title: '', drafters: [{ role: ' ' }] }),
    on('draft'),
    [
      ['input.adoptedOn', /before the forum started/],
      ['input.title', /cannot be empty/],
      ['input.drafters.0.role', /cannot be empty/],
    ],
  ],
  [
    'an empty text, an unknown drafting organisation and an adoption after publication',
    'updateDeclaration',
    () => ({ adoptedOn: '2025-11-26', text: ' ', drafters: [{ role: 'Secrétariat', organisation: UNKNOWN }] }),
    on('declaration'),
    [
      ['input.text', /cannot be empty/],
      ['input.drafters.0.organisation', /No organisation/],
      ['input.adoptedOn', /after the declaration was published \(2025-11-25\)/],
    ],
  ],
  [
    'a title and a text too long',
    'updateDeclaration',
    () => ({ title: 'x'.repeat(301), text: 'x'.repeat(100_001) }),
    on('draft'),
    [
      ['input.title', /^The title is longer than 300 characters \(got 301\)$/],
      ['input.text', /^The text is longer than 100000 characters \(got 100001\)$/],
    ],
  ],

  [
    'every removal of its speaker',
    'updateTestimony',
    () => ({ speakerRole: null, speakerAgeGroup: null, speakerRegion: null, givenOn: null }),
    on('testimony'),
    [
      ['input.speakerRole', /^The speaker's role cannot be removed$/],
      ['input.speakerAgeGroup', /^The speaker's age group cannot be removed$/],
      ['input.speakerRegion', /^The speaker's region cannot be removed$/],
      ['input.givenOn', /^The date cannot be removed$/],
    ],
  ],
  [
    'an empty text, a date outside the forum and a speaker from a country not represented',
    'updateTestimony',
    () => ({ text: '', givenOn: '2025-11-21', speakerRegion: 'SN01' }),
    on('testimony'),
    [
      ['input.text', /cannot be empty/],
      ['input.givenOn', /outside the forum \(2025-11-18 to 2025-11-20\)/],
      ['input.speakerRegion', /SN, which is not among the forum's countries/],
    ],
  ],
  [
    'a working group of another forum, an unknown language and a speaker’s region at level 2',
    'updateTestimony',
    () => ({ workingGroup: world.otherGroup!.id, language: 'xyz', speakerRegion: 'ML0501' }),
    on('testimony'),
    [
      ['input.workingGroup', /at this forum/],
      ['input.language', /Unknown ISO 639-3 language code: xyz/],
      ['input.speakerRegion', /level-1/],
    ],
  ],
  [
    'a published testimony dated in the future, in an unknown working group',
    'updateTestimony',
    () => ({ givenOn: '2099-01-01', workingGroup: UNKNOWN }),
    on('published'),
    [
      ['input.givenOn', /in the future/],
      ['input.workingGroup', /No working group/],
    ],
  ],

  [
    'every removal',
    'updateForumRecommendation',
    () => ({ theme: null, addressee: null, text: null }),
    on('recommendation'),
    [
      ['input.theme', /^The theme cannot be removed$/],
      ['input.addressee', /^The addressee cannot be removed$/],
      ['input.text', /^The text cannot be removed$/],
    ],
  ],
  [
    'an empty text, a translation into the original language and an unknown addressee organisation',
    'updateForumRecommendation',
    () => ({ text: ' ', translations: [{ language: 'fra', text: 'x' }], addresseeOrganisation: UNKNOWN }),
    on('recommendation'),
    [
      ['input.text', /cannot be empty/],
      ['input.translations.0.language', /original language/],
      ['input.addresseeOrganisation', /No organisation/],
    ],
  ],
  [
    'a long addressee name, a community outside the addressed area and an unknown translation language',
    'updateForumRecommendation',
    () => ({
      addresseeName: 'x'.repeat(201),
      addressedArea: 'ML07',
      addressedCommunity: COMMUNITIES.douentza,
      translations: [{ language: 'zzz', text: 'x' }],
    }),
    on('recommendation'),
    [
      ['input.addresseeName', /^The addressee's name is longer than 200 characters \(got 201\)$/],
      ['input.addressedCommunity', /outside the addressed area ML07/],
      ['input.translations', /Unknown ISO 639-3 language code: zzz/],
    ],
  ],
  [
    'a language translated twice and an unknown addressed community',
    'updateForumRecommendation',
    () => ({
      translations: [
        { language: 'eng', text: 'a' },
        { language: 'eng', text: 'b' },
      ],
      addressedCommunity: UNKNOWN,
    }),
    on('recommendation'),
    [
      ['input.translations.1.language', /translated twice/],
      ['input.addressedCommunity', /No community with id/],
    ],
  ],
  [
    'two findings of a new working group, one empty and one too long',
    'addForumWorkingGroup',
    () => ({ forum: world.forum!.id, topic: 'GOOD_GOVERNANCE', keyFindings: ['  ', 'x'.repeat(1001)] }),
    null,
    [
      ['input.keyFindings.0', /^The finding cannot be empty$/],
      ['input.keyFindings.1', /^The finding is longer than 1000 characters \(got 1001\)$/],
    ],
  ],
  [
    'a name for a listed topic, an unknown facilitator and an empty finding',
    'updateForumWorkingGroup',
    () => ({ otherTopic: 'Pâturages', facilitator: UNKNOWN, keyFindings: [''] }),
    on('group'),
    [
      ['input.otherTopic', /^Only an OTHER topic is named; GOOD_GOVERNANCE is a listed topic$/],
      ['input.facilitator', /No organisation with id/],
      ['input.keyFindings.0', /^The finding cannot be empty$/],
    ],
  ],
  [
    'a negative count, a category twice and a region of origin with nobody',
    'recordForumParticipants',
    () => ({
      groups: [
        { category: 'YOUTH', women: -1, men: 3 },
        { category: 'YOUTH', women: 1, men: 1 },
      ],
      origins: [{ region: 'ML05', participants: 0 }],
    }),
    on('forum'),
    [
      ['input.groups.0.women', /^Give a whole number from 0 to 100000$/],
      ['input.groups.1.category', /^YOUTH is listed twice$/],
      ['input.origins.0.participants', /^Give a whole number from 1 to 100000$/],
    ],
  ],
  [
    'a region of a country not represented, and more participants by region than by category',
    'recordForumParticipants',
    () => ({
      groups: [{ category: 'YOUTH', women: 1, men: 1 }],
      origins: [
        { region: 'SN01', participants: 1 },
        { region: 'ML05', participants: 5 },
      ],
    }),
    on('forum'),
    [
      ['input.origins.0.region', /SN, which is not among the forum's countries/],
      ['input.origins', /^The regions of origin add up to 6 participants, more than the 2 counted by category$/],
    ],
  ],
  [
    'a recipient of a new declaration without a name, with a note but no delivery',
    'createDeclaration',
    () => ({ ...DECLARATION, forum: world.forum!.id, recipients: [{ recipient: ' ', deliveryNote: 'Remise en main propre' }] }),
    null,
    [
      ['input.recipients.0.recipient', /^The recipient cannot be empty$/],
      ['input.recipients.0.deliveryNote', /^A delivery note goes with the delivery date$/],
    ],
  ],
  [
    'a recipient without a name, delivered in the future',
    'addDeclarationRecipient',
    () => ({ recipient: '', deliveredOn: '2099-01-01', deliveryNote: 'Remise en main propre' }),
    on('draft'),
    [
      ['input.recipient', /^The recipient cannot be empty$/],
      ['input.deliveredOn', /^The delivery date 2099-01-01 is in the future/],
    ],
  ],
  [
    'a delivery to an unknown recipient, before the adoption, with a note too long',
    'recordDeclarationDelivery',
    () => ({ recipient: UNKNOWN, deliveredOn: '2025-11-01', deliveryNote: 'x'.repeat(1001) }),
    on('draft'),
    [
      ['input.recipient', /^No recipient with id/],
      ['input.deliveredOn', /^2025-11-01 is before the declaration was adopted \(2025-11-20\)$/],
      ['input.deliveryNote', /^The delivery note is longer than 1000 characters \(got 1001\)$/],
    ],
  ],
  [
    'publishing a testimony without consent, dated before it was given',
    'publishTestimony',
    () => ({ publishedOn: '2025-11-01' }),
    on('unconsented'),
    [
      ['id', /^The speaker has not consented to publication/],
      ['input.publishedOn', /^2025-11-01 is before the testimony was given \(2025-11-19\)$/],
    ],
  ],
  [
    'publishing a declaration again, dated before its adoption',
    'publishDeclaration',
    () => ({ publishedOn: '2025-11-10' }),
    on('declaration'),
    [
      ['id', /^This declaration was published on 2025-11-25$/],
      ['input.publishedOn', /^2025-11-10 is before the declaration was adopted \(2025-11-20\)$/],
    ],
  ],
];

describe('bad input', () => {
  it('covers every mutation of the schema', async () => {
    const { data } = await stack.forums.request<{ __type: { fields: { name: string }[] } }>(
      `{ __type(name: "Mutation") { fields { name } } }`,
    );
    const covered = new Set(CASES.map((c) => c[1]));
    const missing = data!.__type.fields.map((f) => f.name).filter((name) => !covered.has(name) && name !== 'setTestimonyConsent');
    expect(missing).toEqual([]);
  });

  it.each(CASES)(
    'refuses %s (%s) with BAD_USER_INPUT on its field, and writes nothing',
    async (_label, mutation, input, target, field, message) => {
      const before = await stack.forums.allRows();
      const { data, errors } = await mutate(stack.forums.owner, mutation, input(), target?.());
      expect(data).toEqual({ [mutation]: null });
      expect(errors).toHaveLength(1);
      expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(errors![0]!.message).toMatch(message);
      expect(await stack.forums.allRows()).toEqual(before);
    },
  );

  it.each(COMBINATIONS)(
    'lists every problem of %s (%s) in one BAD_USER_INPUT, and changes no value',
    async (_label, mutation, input, target, problems) => {
      const before = await stack.forums.allValues();
      const { data, errors } = await mutate(stack.forums.owner, mutation, input(), target?.());
      expect(data).toEqual({ [mutation]: null });
      expect(problemsOf(errors)).toEqual(problems.map(([field, message]) => [field, expect.stringMatching(message)]));
      expect(await stack.forums.allValues()).toEqual(before);
    },
  );

  it('refuses a change on an out-of-date version with CONFLICT, for every kind of record, and writes nothing', async () => {
    const stale = (name: string) => ({ id: world[name]!.id, version: world[name]!.version + 7 });
    const attempts: [string, Record<string, unknown>, string][] = [
      ['updateForum', { title: 'x' }, 'forum'],
      ['recordForumParticipants', { groups: [] }, 'forum'],
      ['updateForumWorkingGroup', { keyFindings: [] }, 'group'],
      ['updateTestimony', { speakerAgeGroup: 'ELDER' }, 'testimony'],
      ['setTestimonyConsent', { consentToPublish: false }, 'testimony'],
      ['updateDeclaration', { title: 'x' }, 'draft'],
      ['publishDeclaration', { publishedOn: '2025-12-01' }, 'draft'],
      ['updateForumRecommendation', { theme: 'MEDIA' }, 'recommendation'],
      ['recordRecommendationFollowUp', { ...FOLLOW_UP, status: 'IN_PROGRESS' }, 'recommendation'],
    ];
    const before = await stack.forums.allRows();
    for (const [mutation, input, name] of attempts) {
      const { errors } = await mutate(stack.forums.owner, mutation, input, stale(name));
      expect([mutation, errors![0]!.extensions]).toEqual([mutation, { code: 'CONFLICT', currentVersion: world[name]!.version }]);
    }
    expect(await stack.forums.allRows()).toEqual(before);
  });

  it('answers a change to an unknown record NOT_FOUND', async () => {
    const { errors } = await mutate(stack.forums.owner, 'setTestimonyConsent', { consentToPublish: true }, { id: UNKNOWN, version: 1 });
    expect(errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });
});
