import { CURRICULUM_OWNER } from '../lib/organisations';
import { at, type BenchViewer, type Scenario } from './types';

/** A partner that owns none of the forums (Jokko, with forums:read): every forum's counts go through disclosure control. */
const FORUMS_OTHER_PARTNER: BenchViewer = {
  organisationId: CURRICULUM_OWNER,
  scopes: ['forums:read'],
  why: "another partner than the forums' owner: each forum's participants go through disclosure control",
};

const COUNT = 'count suppressed';
const TABLE = `groups { category women { ${COUNT} } men { ${COUNT} } total { ${COUNT} } } women { ${COUNT} } men { ${COUNT} } total { ${COUNT} }`;

/**
 * Issue 19's "forum participation" dashboard figure: participants by category and sex across the forums
 * a country hosted, with each forum's women, men and total beside it, for a partner that owns none of
 * them. The generated forums of
 * Mali (about 110 of the 500) each count 14 categories (about 10 present, 0–39 women and men each), so
 * some counts fall from 1 to 4: the kit's complementary suppression has cells to withhold in every table.
 */
export const forumParticipation: Scenario = {
  name: 'forum-participation',
  measures:
    "forumParticipation(filter: { country: ML }) over the ~110 generated forums of Mali (14 categories by sex each): each forum's table through disclosure control, the table across forums and each forum's totals, for a partner that owns none of them; kept per organisation by the read cache until a write",
  subgraph: 'forums',
  statistics: true,
  viewer: FORUMS_OTHER_PARTNER,
  query: /* GraphQL */ `
    query BenchForumParticipation($country: CountryCode!) {
      forumParticipation(filter: { country: $country }) {
        exact
        ${TABLE}
        forums {
          forum { id title startsOn }
          exact
          women { ${COUNT} }
          men { ${COUNT} }
          total { ${COUNT} }
        }
      }
    }
  `,
  variables: { country: 'ML' },
  targets: ['gateway', 'direct'],
  check: (data) => {
    if (at(data, 'forumParticipation', 'exact') !== false)
      return 'the figures are exact: the caller owns every forum, so disclosure control is not measured';
    const forums = at(data, 'forumParticipation', 'forums');
    if (!Array.isArray(forums) || forums.length < 100)
      return `expected the ~110 generated forums of Mali, got ${Array.isArray(forums) ? forums.length : 'none'}: has the generation run?`;
    // Small counts in most forums: any of them withholds that category's sum across forums.
    const groups = at(data, 'forumParticipation', 'groups');
    if (!Array.isArray(groups) || !JSON.stringify(groups).includes('"suppressed":true'))
      return 'expected categories withheld across forums (small counts in the generated forums)';
    return undefined;
  },
};
