import { addDays, today } from '@peacegraph/kit/input';
import { demoSeeder, seedOnce } from '@peacegraph/kit/sql';
import type { DataSource } from 'typeorm';
import { createContextFactory, type DisplacementContext } from '../context';
import type { IdpGroup, ReasonCount } from '../displacement-report/displacement-report.entity';
import type { ReintegrationProgramme } from '../reintegration/reintegration.entity';
import { DEMO_COMMUNITIES, ECOWAS_COMMISSION, MOBILITY_AGENCY } from './demo-data';
import {
  DEMO_AREA_ROUNDS,
  DEMO_ASSISTANCE,
  DEMO_CASE_AREAS,
  DEMO_CASE_PROFILES,
  DEMO_HOUSEHOLD_SIZE,
  DEMO_PROGRAMME,
  DEMO_ROUND_DAYS_AGO,
  DEMO_SESSIONS,
  DEMO_SEX_AGE_SHARES,
  DEMO_STABILISATION,
} from './displacement-demo-data';

const daysAgo = (days: number) => addDays(today(), -days);

/** Whole shares of a count that add up to it exactly: the last share takes what rounding left. */
function shares(total: number, fractions: number[]): number[] {
  const parts = fractions.map((f) => Math.floor(total * f));
  parts[parts.length - 1]! += total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

/**
 * The agency's demo displacement rounds, reintegration programme with its cases and awareness sessions,
 * once per database, through the services partners use. Every create carries a clientMutationId and a
 * case that has moved on is left as it is, so an interrupted load can run again.
 */
export function seedDisplacementDemo(dataSource: DataSource, directoryUrl: string): Promise<boolean> {
  return seedOnce(dataSource, 'displacement-demo-v1', async () => {
    // The demo loader acts as the agency's own staff; its writes are audited like anyone's.
    const { viewer: seeder, audit } = demoSeeder(dataSource, MOBILITY_AGENCY, ['displacement:write', 'displacement:sensitive']);
    const context = await createContextFactory(dataSource, directoryUrl)(seeder, audit);
    await seedRounds(context);
    const programme = await seedProgramme(context, DEMO_PROGRAMME);
    await seedProgramme(context, DEMO_STABILISATION);
    await seedCases(context, programme);
    await seedSessions(context);
  });
}

async function seedRounds(context: DisplacementContext): Promise<void> {
  for (const area of DEMO_AREA_ROUNDS) {
    for (const [i, days] of DEMO_ROUND_DAYS_AGO.entries()) {
      const idps = area.idps[i]!;
      const bySexAndAge = shares(
        idps,
        DEMO_SEX_AGE_SHARES.map(([, , share]) => share),
      );
      const idpsBySexAndAge: IdpGroup[] = DEMO_SEX_AGE_SHARES.map(([sex, ageGroup], k) => ({
        sex,
        ageGroup,
        individuals: bySexAndAge[k]!,
      }));
      const [conflict, other] = shares(idps, [0.96, 0.04]);
      const reasons: ReasonCount[] = [
        { reason: 'CONFLICT', individuals: conflict! },
        { reason: 'OTHER', individuals: other! },
      ];
      await context.displacementReports.record({
        adminArea: area.pcode,
        roundNumber: i + 1,
        roundName: `Round ${i + 1}`,
        dataDate: daysAgo(days),
        idpIndividuals: idps,
        idpHouseholds: Math.round(idps / DEMO_HOUSEHOLD_SIZE),
        returneeIndividuals: area.returnees[i] || null,
        returneeHouseholds: area.returnees[i] ? Math.round(area.returnees[i]! / DEMO_HOUSEHOLD_SIZE) : null,
        idpsBySexAndAge,
        reasons,
        origins: area.origins.map(([adminArea, share]) => ({ adminArea, individuals: Math.floor(idps * share) })),
        clientMutationId: `demo:round:${area.pcode}:${i + 1}`,
      });
    }
  }
}

function seedProgramme(
  context: DisplacementContext,
  programme: typeof DEMO_PROGRAMME | typeof DEMO_STABILISATION,
): Promise<ReintegrationProgramme> {
  return context.reintegrationProgrammes.create({
    code: programme.code,
    kind: programme.kind,
    name: programme.name,
    adminAreas: [...programme.adminAreas],
    startsOn: daysAgo(programme.startedDaysAgo),
    clientMutationId: `demo:programme:${programme.code}`,
  });
}

/**
 * Cases registered over the programme's life; in turn still registered, in assistance, reintegrated
 * (after two kinds of assistance) or dropped out. Every third case names its community.
 */
async function seedCases(context: DisplacementContext, programme: ReintegrationProgramme): Promise<void> {
  let n = 0;
  for (const area of DEMO_CASE_AREAS) {
    for (let k = 0; k < area.cases; k++, n++) {
      const [category, sex, ageGroup] = DEMO_CASE_PROFILES[n % DEMO_CASE_PROFILES.length]!;
      const registered = 520 - n * 8;
      let current = await context.reintegrationCases.register({
        programme: programme.id,
        category,
        sex,
        ageGroup,
        adminArea: area.pcode,
        community: n % 3 === 0 ? DEMO_COMMUNITIES[area.community] : null,
        registeredOn: daysAgo(registered),
        clientMutationId: `demo:case:${n}`,
      });
      if (current.version > 1) continue;
      const path = n % 4;
      if (path === 1 || path === 2) {
        const kinds = path === 2 ? 2 : 1;
        for (let a = 0; a < kinds; a++) {
          const kind = DEMO_ASSISTANCE[(n + a) % DEMO_ASSISTANCE.length]!;
          current = await context.reintegrationCases.recordAssistance(current.id, current.version, {
            kind,
            startedOn: daysAgo(registered - 10 - a * 30),
          });
        }
        if (path === 2)
          await context.reintegrationCases.changeStatus(current.id, current.version, {
            status: 'REINTEGRATED',
            on: daysAgo(registered - 90),
          });
      } else if (path === 3) {
        await context.reintegrationCases.changeStatus(current.id, current.version, { status: 'DROPPED_OUT', on: daysAgo(registered - 40) });
      }
    }
  }
}

async function seedSessions(context: DisplacementContext): Promise<void> {
  for (const session of DEMO_SESSIONS) {
    await context.awarenessSessions.record({
      kind: session.kind,
      community: DEMO_COMMUNITIES[session.community],
      heldOn: daysAgo(session.daysAgo),
      participants: session.participants.map(([sex, ageGroup, people]) => ({ sex, ageGroup, people })),
      topics: session.topics,
      facilitators: session.withEcowas ? [MOBILITY_AGENCY, ECOWAS_COMMISSION] : [MOBILITY_AGENCY],
      clientMutationId: `demo:session:${session.key}`,
    });
  }
}
