import { PeaceGraphError } from '../errors';

/**
 * Runs a validation rule that should refuse its input and returns what the caller would read: the
 * field and the plain message. Anything else (accepted input, another kind of error) fails the test.
 */
export function refusalOf(run: () => unknown): { field: unknown; message: string } {
  try {
    run();
  } catch (error) {
    if (!(error instanceof PeaceGraphError) || error.extensions.code !== 'BAD_USER_INPUT') throw error;
    return { field: error.extensions.field, message: error.message };
  }
  throw new Error('Expected a BAD_USER_INPUT refusal, but the input was accepted');
}
