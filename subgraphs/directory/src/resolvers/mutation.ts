import type { DirectoryContext } from '../context';
import type { CommunityInput } from '../services/community-service';

export const Mutation = {
  createCommunity: (
    _: unknown,
    { input }: { input: CommunityInput & { name: string; adminArea: string } },
    { communities }: DirectoryContext,
  ) => communities.create(input),
  updateCommunity: (
    _: unknown,
    { id, version, input }: { id: string; version: number; input: CommunityInput },
    { communities }: DirectoryContext,
  ) => communities.update(id, version, input),
};
