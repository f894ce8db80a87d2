import type { DataSource } from 'typeorm';
import { AuditRecorder } from '@peacegraph/kit/audit';
import { type Viewer } from '@peacegraph/kit/auth';
import { seedOnce } from '@peacegraph/kit/sql';
import { createContextFactory } from '../context';
import { OrganisationSchema } from '../organisation/organisation.entity';
import { DEMO_COMMUNITIES, DEMO_ORGANISATIONS, PLATFORM_ORGANISATION_ID, demoCommunityId } from './demo-data';

/** The demo loader acts as the platform's own staff, and its writes are audited like anyone's. */
const SEEDER: Viewer = {
  kind: 'partner',
  subject: 'demo-seed',
  organisationId: PLATFORM_ORGANISATION_ID,
  scopes: new Set(['admin', 'directory:write']),
  via: 'token',
};

/**
 * Loads the demo organisations and communities once per database. Communities go through the same
 * service as partners' writes, so demo data obeys every rule real data does.
 */
export function seedDemoData(dataSource: DataSource): Promise<boolean> {
  return seedOnce(dataSource, 'directory-demo-v1', async () => {
    await dataSource.createQueryBuilder().insert().into(OrganisationSchema).values(DEMO_ORGANISATIONS).orIgnore().execute();
    const audit = new AuditRecorder(dataSource, SEEDER, { operation: 'seed', purpose: 'demo data', requestId: null });
    const context = await createContextFactory(dataSource)(SEEDER, audit);
    for (const [index, community] of DEMO_COMMUNITIES.entries()) {
      await context.communities.create({ ...community, id: demoCommunityId(index), clientMutationId: `demo:${community.name}` });
    }
  });
}
