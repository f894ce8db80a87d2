import { distinct, requiredName, given, Problems } from '@peacegraph/kit/input';
import { answerOf, type Lookup } from '@peacegraph/kit/input';
import { MINERALS, MINING_SITE_KINDS } from '../common/values';
import type { CreateMiningSiteInput, UpdateMiningSiteInput } from '../generated/resolvers';
import type { MiningSite } from './mining-site.entity';

type SiteInput = CreateMiningSiteInput | UpdateMiningSiteInput;

/** What a site may not leave null: refused together before anything is asked of the directory. */
export function requiredSiteFields(input: SiteInput): void {
  const problems = new Problems();
  for (const field of ['name', 'community', 'kind', 'minerals'] as const) {
    if (input[field] === null) problems.add(`input.${field}`, `A mining site needs its ${field}`);
  }
  problems.throwIfAny();
}

/** The operator the directory must confirm: a new one, or none. */
export function operatorToCheck(input: SiteInput, current: MiningSite | null): string | null {
  const operatorId = input.operator === undefined ? (current?.operatorId ?? null) : input.operator;
  return operatorId && operatorId !== current?.operatorId ? operatorId : null;
}

/**
 * A site's values, created or updated (fields left out keep theirs), every problem at once; `operator`
 * is the directory's answer for operatorToCheck's organisation, when there is one.
 */
export function siteValues(input: SiteInput, current: MiningSite | null, loaded: { operator?: Lookup<unknown> } = {}) {
  requiredSiteFields(input);
  const problems = new Problems();
  const kind = input.kind ?? current!.kind;
  if (!MINING_SITE_KINDS.includes(kind)) problems.add('input.kind', `Unknown kind ${kind}`);
  const minerals =
    problems.check('input.minerals', () =>
      given(input.minerals) ? distinct('input.minerals', input.minerals, (m) => m) : current!.minerals,
    ) ?? [];
  if (minerals.length === 0 && !problems.has('input.minerals')) problems.add('input.minerals', 'Name at least one mineral');
  const unknown = minerals.findIndex((m) => !MINERALS.includes(m));
  if (unknown >= 0) problems.add(`input.minerals.${unknown}`, `Unknown mineral ${minerals[unknown]}`);
  const operatorId = input.operator === undefined ? (current?.operatorId ?? null) : input.operator;
  if (kind === 'INDUSTRIAL' && !operatorId) problems.add('input.operator', 'An industrial site names its operator');
  if (operatorToCheck(input, current)) problems.check('input.operator', () => answerOf(loaded.operator!));
  return problems.done({
    name: problems.check('input.name', () => (given(input.name) ? requiredName('input.name', input.name, 'The name') : current!.name)),
    kind,
    minerals,
    operatorId,
  });
}
