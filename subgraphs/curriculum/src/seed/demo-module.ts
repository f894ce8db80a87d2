import type { Audience } from '../common/headcount';
import type { SessionTheme } from '../module/module.entity';

/**
 * The Peace and Security module as the demo publishes it: 21 sessions on the themes community
 * education partners teach, written by us for the demo (no text is taken from a partner's manual).
 */
export const PEACE_AND_SECURITY = {
  title: 'Peace and Security',
  edition: '2024',
  summary:
    'Twenty-one sessions held in the community language, from a shared vision of the community to a written action ' +
    'plan for peace and human security that participants present to their neighbours.',
};

const EVERYONE: Audience[] = ['MEN', 'WOMEN', 'ADOLESCENTS_AND_CHILDREN', 'CMC_MEMBERS', 'RELIGIOUS_LEADERS'];
const ADULTS: Audience[] = ['MEN', 'WOMEN', 'CMC_MEMBERS', 'RELIGIOUS_LEADERS'];

export const SESSION_PLANS: { title: string; theme: SessionTheme; objectives: string[]; durationMinutes: number; audiences: Audience[] }[] =
  [
    {
      title: 'The community we want to live in',
      theme: 'COMMUNITY_VISION',
      objectives: [
        'Each participant describes the village they hope to see in ten years',
        'The class agrees on a few words that sum up that vision',
      ],
      durationMinutes: 120,
      audiences: EVERYONE,
    },
    {
      title: 'Where we come from, where we are going',
      theme: 'COMMUNITY_VISION',
      objectives: ['Recall moments when the community solved a problem together', 'Name what already brings people together'],
      durationMinutes: 120,
      audiences: EVERYONE,
    },
    {
      title: 'Rights that belong to every person',
      theme: 'HUMAN_RIGHTS',
      objectives: [
        'Understand that rights come with being human, not with status or wealth',
        'Link a few rights to daily life in the village',
      ],
      durationMinutes: 150,
      audiences: EVERYONE,
    },
    {
      title: 'Rights and responsibilities at home and in the village',
      theme: 'HUMAN_RIGHTS',
      objectives: ["See how one person's right is another's responsibility", 'Practise explaining a right in the local language'],
      durationMinutes: 120,
      audiences: EVERYONE,
    },
    {
      title: 'Living free from violence',
      theme: 'HUMAN_RIGHTS',
      objectives: ['Recognise the forms violence takes, including at home', 'Know where a person at risk can find help'],
      durationMinutes: 150,
      audiences: ADULTS,
    },
    {
      title: 'The unwritten rules we live by',
      theme: 'SOCIAL_NORMS',
      objectives: ['Tell a habit from a norm that others expect us to follow', 'List norms that protect people and norms that harm them'],
      durationMinutes: 120,
      audiences: EVERYONE,
    },
    {
      title: 'Changing a norm together',
      theme: 'SOCIAL_NORMS',
      objectives: ['Understand why a family rarely changes a norm alone', 'Plan how to discuss a harmful norm with the wider community'],
      durationMinutes: 150,
      audiences: ADULTS,
    },
    {
      title: 'What peace means to us',
      theme: 'PEACE_AND_HUMAN_SECURITY',
      objectives: [
        'Share what peace looks like in a household, a village and between villages',
        'Distinguish calm on the surface from lasting peace',
      ],
      durationMinutes: 120,
      audiences: EVERYONE,
    },
    {
      title: 'Human security: more than the absence of fighting',
      theme: 'PEACE_AND_HUMAN_SECURITY',
      objectives: ['Connect food, health, land and dignity to feeling safe', 'Identify which of them are most at risk locally'],
      durationMinutes: 150,
      audiences: ADULTS,
    },
    {
      title: 'Seeing tension before it turns to conflict',
      theme: 'PEACE_AND_HUMAN_SECURITY',
      objectives: [
        'Name early signs of tension (rumours, disputes over fields or water)',
        'Agree who in the community should hear about them',
      ],
      durationMinutes: 120,
      audiences: ADULTS,
    },
    {
      title: 'Listening before answering',
      theme: 'DIALOGUE_IN_CONFLICT_MANAGEMENT',
      objectives: ['Practise listening to understand rather than to reply', "Restate the other side's concern in their own words"],
      durationMinutes: 120,
      audiences: EVERYONE,
    },
    {
      title: 'Dialogue between generations',
      theme: 'DIALOGUE_IN_CONFLICT_MANAGEMENT',
      objectives: ['Hear how young people and elders see the same dispute', 'Find a place and time where both can speak freely'],
      durationMinutes: 150,
      audiences: EVERYONE,
    },
    {
      title: 'Dialogue between neighbouring villages',
      theme: 'DIALOGUE_IN_CONFLICT_MANAGEMENT',
      objectives: ['Map the ties and frictions with neighbouring villages', 'Prepare an invitation to a shared discussion'],
      durationMinutes: 150,
      audiences: ADULTS,
    },
    {
      title: "Women's voices in preventing conflict",
      theme: 'WOMEN_IN_CONFLICT_PREVENTION',
      objectives: ['Recognise the warnings women often hear first', 'Discuss how to make room for women in village decisions'],
      durationMinutes: 150,
      audiences: EVERYONE,
    },
    {
      title: 'Women as peacemakers in families and markets',
      theme: 'WOMEN_IN_CONFLICT_PREVENTION',
      objectives: ['Share examples of women calming disputes', 'Identify support women need to play that role more often'],
      durationMinutes: 120,
      audiences: ADULTS,
    },
    {
      title: 'The steps of a mediation',
      theme: 'MEDIATION_TECHNIQUES',
      objectives: ['Walk through preparing, meeting, exploring options and agreeing', 'Role-play a dispute over a field boundary'],
      durationMinutes: 150,
      audiences: ADULTS,
    },
    {
      title: 'Staying fair to both sides',
      theme: 'MEDIATION_TECHNIQUES',
      objectives: ['Notice when a mediator starts to take sides', 'Practise questions that keep the discussion open'],
      durationMinutes: 120,
      audiences: ADULTS,
    },
    {
      title: 'An agreement that lasts',
      theme: 'MEDIATION_TECHNIQUES',
      objectives: ['Write down who does what and by when', 'Plan how the community will follow the agreement up'],
      durationMinutes: 120,
      audiences: ADULTS,
    },
    {
      title: 'What our community can do',
      theme: 'ACTION_PLANNING',
      objectives: ["List the community's own resources and groups", 'Choose two or three priorities for peace and human security'],
      durationMinutes: 150,
      audiences: EVERYONE,
    },
    {
      title: 'Writing our action plan',
      theme: 'ACTION_PLANNING',
      objectives: ['Turn each priority into actions with a responsible group and a date', 'Agree how progress will be reviewed'],
      durationMinutes: 150,
      audiences: ADULTS,
    },
    {
      title: 'Sharing the plan with our neighbours',
      theme: 'ACTION_PLANNING',
      objectives: ['Prepare the presentation of the plan to neighbouring villages', 'Decide who takes part in the social mobilisation'],
      durationMinutes: 120,
      audiences: EVERYONE,
    },
  ];
