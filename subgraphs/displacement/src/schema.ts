import path from 'node:path';
import { loadTypeDefs, scalarResolversFor } from '@peacegraph/kit';
import { resolvers } from './resolvers';

export const SCHEMA_FILE = path.resolve(__dirname, '../schema.graphql');

const { source, document } = loadTypeDefs(SCHEMA_FILE);

export const typeDefs = document;
export const allResolvers = { ...scalarResolversFor(source), ...resolvers };
