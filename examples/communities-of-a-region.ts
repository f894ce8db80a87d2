/**
 * The communities of a region with their cohorts and conflict figures, as a partner's dashboard would
 * read them: one admin area by its OCHA P-code, every community in it (page after page), each with
 * the curriculum's cohorts and the conflicts subgraph's case figures — three subgraphs in one query.
 *
 *   PEACEGRAPH_TOKEN=… npx tsx examples/communities-of-a-region.ts BF56
 *
 * Figures another partner owns may be withheld (disclosure control): they are printed as "withheld".
 */
import { createClient, graphql, type PeaceGraphClient, type Schema } from '@peacegraph/client';

type Count = Pick<Schema.DisclosedCount, 'count' | 'suppressed'>;

const REGION = graphql<
  {
    adminArea: {
      pcode: string;
      name: string;
      level: number;
      conflictStats: { exact: boolean; reported: Count; open: Count; resolved: Count; medianDaysToResolution: number | null } | null;
    } | null;
  },
  { pcode: string }
>(`
  query Region($pcode: PCode!) {
    adminArea(pcode: $pcode) {
      pcode
      name
      level
      conflictStats {
        exact
        reported {
          count
          suppressed
        }
        open {
          count
          suppressed
        }
        resolved {
          count
          suppressed
        }
        medianDaysToResolution
      }
    }
  }
`);

interface CommunityNode {
  id: string;
  name: string;
  adminArea: { pcode: string; name: string };
  cohorts: { name: string; status: Schema.CohortStatus; progress: { delivered: number; total: number } }[] | null;
  peaceCommission: { managementCommittee: string } | null;
  caseStats: { reported: Count; resolved: Count } | null;
}

const COMMUNITIES = graphql<
  { communities: { edges: { node: CommunityNode }[]; pageInfo: Schema.PageInfo } | null },
  { pcode: string; first: number; after?: string | null }
>(`
  query CommunitiesOfRegion($pcode: PCode!, $first: Int, $after: String) {
    communities(adminArea: $pcode, first: $first, after: $after) {
      edges {
        node {
          id
          name
          adminArea {
            pcode
            name
          }
          cohorts(first: 20) {
            name
            status
            progress {
              delivered
              total
            }
          }
          peaceCommission {
            managementCommittee
          }
          caseStats {
            reported {
              count
              suppressed
            }
            resolved {
              count
              suppressed
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export interface RegionReport {
  pcode: string;
  name: string;
  cases: { reported: number | null; open: number | null; resolved: number | null; exact: boolean } | null;
  communities: {
    name: string;
    area: string;
    cohorts: { name: string; status: string; sessions: string }[];
    peaceCommission: string | null;
    casesReported: number | null;
    casesResolved: number | null;
  }[];
}

/** The report for the admin area `pcode`; each line is also given to `print`. */
export async function communitiesOfRegion(
  client: PeaceGraphClient,
  pcode: string,
  { pageSize = 50, print = (line: string) => console.log(line) }: { pageSize?: number; print?: (line: string) => void } = {},
): Promise<RegionReport> {
  const { adminArea } = await client.request(REGION, { pcode });
  if (!adminArea) throw new Error(`No admin area with P-code ${pcode}`);
  const stats = adminArea.conflictStats;
  const report: RegionReport = {
    pcode: adminArea.pcode,
    name: adminArea.name,
    cases: stats && { reported: stats.reported.count, open: stats.open.count, resolved: stats.resolved.count, exact: stats.exact },
    communities: [],
  };
  const shown = (c: number | null) => (c === null ? 'withheld' : String(c));
  print(`${adminArea.name} (${adminArea.pcode}, level ${adminArea.level})`);
  if (stats) {
    print(
      `  cases: ${shown(stats.reported.count)} reported, ${shown(stats.open.count)} open, ${shown(stats.resolved.count)} resolved` +
        (stats.medianDaysToResolution === null ? '' : `, median ${stats.medianDaysToResolution} days to resolution`),
    );
  }
  for await (const community of client.paginate(COMMUNITIES, { pcode, first: pageSize }, (data) => data.communities)) {
    const entry = {
      name: community.name,
      area: community.adminArea.name,
      cohorts: (community.cohorts ?? []).map((c) => ({
        name: c.name,
        status: c.status,
        sessions: `${c.progress.delivered}/${c.progress.total}`,
      })),
      peaceCommission: community.peaceCommission?.managementCommittee ?? null,
      casesReported: community.caseStats?.reported.count ?? null,
      casesResolved: community.caseStats?.resolved.count ?? null,
    };
    report.communities.push(entry);
    print(`- ${entry.name} (${entry.area})`);
    for (const cohort of entry.cohorts) print(`    cohort ${cohort.name}: ${cohort.status}, ${cohort.sessions} sessions`);
    if (entry.peaceCommission) print(`    peace commission: ${entry.peaceCommission}`);
    print(`    cases: ${shown(entry.casesReported)} reported, ${shown(entry.casesResolved)} resolved`);
  }
  print(`${report.communities.length} communities`);
  return report;
}

if (require.main === module) {
  const client = createClient({
    url: process.env.PEACEGRAPH_URL ?? 'http://localhost:4000/graphql',
    token: process.env.PEACEGRAPH_TOKEN,
    purpose: 'regional overview of community education and conflict figures',
    clientName: 'example-communities-of-a-region',
    clientVersion: '1.0.0',
  });
  communitiesOfRegion(client, process.argv[2] ?? 'BF56').catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
