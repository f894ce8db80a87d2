import { MINING_OTHER_PARTNER } from './mining-aggregates';
import { at, type Scenario } from './types';

const FIGURES = `miningSites sitesWithTraining trainings peopleTrained { count suppressed } consultations mediaInterventions estimatedMediaAudience exact`;

/**
 * The mining dashboard's map: per region, the sites, the sites with a training, the trainings, the people
 * trained, the consultations and the media reach, with the total, for a partner that owns none of the
 * trainings (people trained through disclosure control, one table across the regions).
 */
export const miningCoverage: Scenario = {
  name: 'mining-coverage-by-region',
  measures:
    'miningCoverage(level: REGION) over ~2,800 sites and ~20,000 trainings in the 31 regions of Mali, Burkina Faso and Niger: sites, sites with a training, trainings, people trained (disclosure-controlled across regions), consultations and media reach per region and in total',
  subgraph: 'mining',
  viewer: MINING_OTHER_PARTNER,
  query: /* GraphQL */ `
    query BenchMiningCoverage($level: MiningCoverageLevel) {
      miningCoverage(level: $level) {
        exact
        level
        areas { adminArea { pcode } figures { ${FIGURES} } }
        total { ${FIGURES} }
      }
    }
  `,
  variables: { level: 'REGION' },
  targets: ['gateway', 'direct'],
  statistics: true,
  check: (data) => {
    if (at(data, 'miningCoverage', 'exact') !== false)
      return 'the figures are exact: the caller owns every training, so disclosure control is not measured';
    const areas = at(data, 'miningCoverage', 'areas');
    if (!Array.isArray(areas) || areas.length < 10) return `expected the regions, got ${Array.isArray(areas) ? areas.length : 'none'}`;
    const trainings = at(data, 'miningCoverage', 'total', 'trainings');
    if (typeof trainings !== 'number' || trainings < 5_000)
      return `expected thousands of trainings counted, got ${String(trainings)}: has the training generation run?`;
    return undefined;
  },
};
