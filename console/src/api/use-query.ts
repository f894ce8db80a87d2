import { useCallback, useEffect, useState } from 'react';
import { ConsoleError, request, type Endpoint } from './client';

export interface QueryState<D> {
  data: D | null;
  error: ConsoleError | null;
  loading: boolean;
  reload: () => void;
}

function asConsoleError(error: unknown): ConsoleError {
  return error instanceof ConsoleError ? error : new ConsoleError('ERROR', String(error));
}

/**
 * Runs a query when its variables change; keeps the last answer on screen while the next loads (it
 * is loading while the answer on screen is not the one asked for last).
 */
export function useQuery<D>(endpoint: Endpoint, query: string, variables: Record<string, unknown> = {}): QueryState<D> {
  const [generation, setGeneration] = useState(0);
  const asked = `${generation}:${JSON.stringify(variables)}`;
  const [answer, setAnswer] = useState<{ asked: string | null; data: D | null; error: ConsoleError | null }>({
    asked: null,
    data: null,
    error: null,
  });

  useEffect(() => {
    let current = true;
    const variablesAsked = JSON.parse(asked.slice(asked.indexOf(':') + 1)) as Record<string, unknown>;
    request<D>(endpoint, query, variablesAsked).then(
      (data) => current && setAnswer({ asked, data, error: null }),
      (error: unknown) => {
        if (!current) return;
        const failure = asConsoleError(error);
        // Partial data with errors (one subgraph down) is still worth showing.
        const partial = (failure as ConsoleError & { partial?: D }).partial ?? null;
        setAnswer((previous) => ({ asked, data: partial ?? previous.data, error: failure }));
      },
    );
    return () => {
      current = false;
    };
  }, [endpoint, query, asked]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { data: answer.data, error: answer.error, loading: answer.asked !== asked, reload };
}

/** A mutation's state: run it, see it working, see its error. */
export function useMutation<D, V extends Record<string, unknown>>(endpoint: Endpoint, mutation: string) {
  const [state, setState] = useState<{ data: D | null; error: ConsoleError | null; running: boolean }>({
    data: null,
    error: null,
    running: false,
  });
  const run = useCallback(
    async (variables: V): Promise<D | null> => {
      setState({ data: null, error: null, running: true });
      try {
        const data = await request<D>(endpoint, mutation, variables);
        setState({ data, error: null, running: false });
        return data;
      } catch (error) {
        setState({ data: null, error: asConsoleError(error), running: false });
        return null;
      }
    },
    [endpoint, mutation],
  );
  return { ...state, run };
}
