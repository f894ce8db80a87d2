import { organisationOf, type Viewer } from '@peacegraph/kit/auth';
import { discloseCounts, type DisclosedCount } from '@peacegraph/kit/disclosure';

export interface DisclosedHeadcount {
  exact: boolean;
  women: DisclosedCount;
  men: DisclosedCount;
  total: DisclosedCount;
}

/**
 * Counts of people are exact only for the organisation that owns the case. `admin` does not open
 * them: like SENSITIVE fields, they belong to the owner.
 */
export function ownsCase(viewer: Viewer, ownerOrg: string): boolean {
  return organisationOf(viewer) === ownerOrg;
}

/**
 * People counted on a case's record (a session's mediators or attendance) as the caller may see them.
 * Women and men are the cells of one line and the total is that line's total, so the kit withholds a
 * second cell (or the total) wherever one withheld cell could be recovered by subtraction. Each
 * headcount is a line of its own: no figure the graph shows adds two of them together.
 */
export function discloseHeadcount(women: number, men: number, exact: boolean): DisclosedHeadcount {
  const line = discloseCounts({ women, men }, { exact });
  return { exact, women: line.counts.women, men: line.counts.men, total: line.total };
}
