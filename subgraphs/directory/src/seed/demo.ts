import type { DataSource } from 'typeorm';
import { demoSeeder, seedOnce } from '@peacegraph/kit/sql';
import { createContextFactory } from '../context';
import { OrganisationSchema } from '../organisation/organisation.entity';
import { DEMO_COMMUNITIES, DEMO_ORGANISATIONS, PLATFORM_ORGANISATION_ID, demoCommunityId } from './demo-data';

/**
 * Loads the demo organisations and communities once per database. Communities go through the same
 * service as partners' writes, so demo data obeys every rule real data does.
 */
export function seedDemoData(dataSource: DataSource): Promise<boolean> {
  return seedOnce(dataSource, 'directory-demo-v1', async () => {
    await dataSource.createQueryBuilder().insert().into(OrganisationSchema).values(DEMO_ORGANISATIONS).orIgnore().execute();
    // The demo loader acts as the platform's own staff, and its writes are audited like anyone's.
    const { viewer: seeder, audit } = demoSeeder(dataSource, PLATFORM_ORGANISATION_ID, ['admin', 'directory:write']);
    const context = await createContextFactory(dataSource)(seeder, audit);
    for (const [index, community] of DEMO_COMMUNITIES.entries()) {
      await context.communities.create({ ...community, id: demoCommunityId(index), clientMutationId: `demo:${community.name}` });
    }
  });
}
