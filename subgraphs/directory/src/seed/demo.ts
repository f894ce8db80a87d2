import type { DataSource } from 'typeorm';
import { seedOnce } from '@peacegraph/kit';
import { createContextFactory } from '../context';
import { OrganisationSchema } from '../entities';
import { DEMO_COMMUNITIES, DEMO_ORGANISATIONS } from './demo-data';

/**
 * Loads the demo organisations and communities once per database. Communities go through the same
 * service as partners' writes, so demo data obeys every rule real data does.
 */
export function seedDemoData(dataSource: DataSource): Promise<boolean> {
  return seedOnce(dataSource, 'directory-demo-v1', async () => {
    await dataSource.createQueryBuilder().insert().into(OrganisationSchema).values(DEMO_ORGANISATIONS).orIgnore().execute();
    const context = await createContextFactory(dataSource)();
    for (const community of DEMO_COMMUNITIES) {
      await context.communities.create({ ...community, clientMutationId: `demo:${community.name}` });
    }
  });
}
