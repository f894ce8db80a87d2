/**
 * The console's one way to call a GraphQL API (the registry's, same origin, or the gateway's). Every
 * failure becomes a ConsoleError with a code the pages turn into plain words and what to do.
 */
export interface Problem {
  code: string;
  message: string;
  field?: string;
}

export class ConsoleError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }
}

interface GraphQLErrorShape {
  message: string;
  extensions?: { code?: string; field?: string; problems?: { field?: string; message: string }[] };
}

export interface Endpoint {
  url: string;
  authorization: () => string | null;
}

export async function request<D>(endpoint: Endpoint, query: string, variables: Record<string, unknown> = {}): Promise<D> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'graphql-client-name': 'peacegraph-console' };
  const authorization = endpoint.authorization();
  if (authorization) headers.authorization = authorization;
  let response: Response;
  try {
    response = await fetch(endpoint.url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  } catch {
    throw new ConsoleError('UNREACHABLE', endpoint.url);
  }
  let body: { data?: D | null; errors?: GraphQLErrorShape[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ConsoleError(response.status === 429 ? 'RATE_LIMITED' : 'BAD_RESPONSE', `HTTP ${response.status}`);
  }
  const errors = body.errors ?? [];
  if (errors.length > 0) {
    const first = errors[0]!;
    const problems: Problem[] = errors.flatMap((error) =>
      error.extensions?.problems?.length
        ? error.extensions.problems.map((p) => ({ code: error.extensions?.code ?? 'ERROR', message: p.message, field: p.field }))
        : [{ code: error.extensions?.code ?? 'ERROR', message: error.message, field: error.extensions?.field }],
    );
    // Partial data with errors (one subgraph down) is still worth showing: the caller decides.
    if (body.data && Object.values(body.data as object).some((value) => value !== null)) {
      throw Object.assign(new ConsoleError(first.extensions?.code ?? 'ERROR', first.message, problems), { partial: body.data });
    }
    throw new ConsoleError(first.extensions?.code ?? 'ERROR', first.message, problems);
  }
  if (!body.data) throw new ConsoleError('BAD_RESPONSE', `HTTP ${response.status}`);
  return body.data;
}
