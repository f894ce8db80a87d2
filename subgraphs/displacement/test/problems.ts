import { problemsOf } from '@peacegraph/kit/testing';
import type { GraphQLError } from 'graphql';

/** The `[field, message]` problems of the one refusal `run` throws, listing several (see problemsOf). */
export function problemsIn(run: () => unknown): [field: string, message: string][] {
  try {
    run();
  } catch (error) {
    return problemsOf([error as GraphQLError]);
  }
  throw new Error('Expected several problems, but the input was accepted');
}
