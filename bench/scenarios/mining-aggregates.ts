import { CURRICULUM_OWNER } from '../lib/organisations';
import { at, type BenchViewer, type Scenario } from './types';

/**
 * A partner that owns none of the trainings (Jokko, with mining:read): people counts go through the kit's
 * disclosure control and means of fewer than 5 people are withheld, which is part of what is measured.
 */
export const MINING_OTHER_PARTNER: BenchViewer = {
  organisationId: CURRICULUM_OWNER,
  scopes: ['mining:read'],
  why: "another partner than the trainings' owner: the figures go through disclosure control",
};

const COUNT = 'count suppressed';
const HEADCOUNT = `women { ${COUNT} } men { ${COUNT} } notBrokenDown { ${COUNT} } total { ${COUNT} }`;

const checkFigures = (field: string, trainings: (data: Record<string, unknown>) => unknown) => (data: Record<string, unknown>) => {
  if (at(data, field, 'exact') !== false)
    return 'the figures are exact: the caller owns every training, so disclosure control is not measured';
  const groups = at(data, field, 'groups');
  if (!Array.isArray(groups) || groups.length < 3)
    return `expected the stakeholder groups, got ${Array.isArray(groups) ? groups.length : 'none'}`;
  const n = trainings(data);
  if (typeof n !== 'number' || n < 5_000)
    return `expected thousands of trainings counted, got ${String(n)}: has the training generation run?`;
  return undefined;
};

/** Issue 7's "aggregates over 20,000 trainings": people trained by stakeholder group and sex. */
export const miningPeopleTrained: Scenario = {
  name: 'mining-people-trained-by-group',
  measures:
    'miningPeopleTrained(groupBy: STAKEHOLDER_GROUP) over ~20,000 trainings (60,000 participant groups): one GROUP BY by group and sex with the total, then disclosure control of the table for a partner that owns none of the trainings',
  subgraph: 'mining',
  viewer: MINING_OTHER_PARTNER,
  query: /* GraphQL */ `
    query BenchMiningPeopleTrained($groupBy: PeopleTrainedGrouping) {
      miningPeopleTrained(groupBy: $groupBy) {
        exact
        groupBy
        trainings
        groups { key stakeholderGroup trainings people { ${HEADCOUNT} } }
        total { ${HEADCOUNT} }
      }
    }
  `,
  variables: { groupBy: 'STAKEHOLDER_GROUP' },
  targets: ['gateway', 'direct'],
  statistics: true,
  check: checkFigures('miningPeopleTrained', (data) => at(data, 'miningPeopleTrained', 'trainings')),
};

const GAIN = `trainingsMeasured assessed { ${COUNT} } meanPreScorePercent meanPostScorePercent meanGainPoints withheld`;

/** Issue 7's knowledge gain: means before and after, as percentages of each training's scale, by stakeholder group. */
export const miningKnowledgeGain: Scenario = {
  name: 'mining-knowledge-gain',
  measures:
    'miningKnowledgeGain(groupBy: STAKEHOLDER_GROUP) over the ~9,000 tested trainings of ~20,000: weighted means before/after per group and overall, with withholding rules for a partner that owns none of the trainings',
  subgraph: 'mining',
  viewer: MINING_OTHER_PARTNER,
  query: /* GraphQL */ `
    query BenchMiningKnowledgeGain($groupBy: KnowledgeGainGrouping) {
      miningKnowledgeGain(groupBy: $groupBy) {
        exact
        groupBy
        groups { key stakeholderGroup figures { ${GAIN} } }
        overall { ${GAIN} }
      }
    }
  `,
  variables: { groupBy: 'STAKEHOLDER_GROUP' },
  targets: ['gateway', 'direct'],
  statistics: true,
  check: checkFigures('miningKnowledgeGain', (data) => at(data, 'miningKnowledgeGain', 'overall', 'trainingsMeasured')),
};
