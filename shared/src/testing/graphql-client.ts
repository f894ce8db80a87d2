export interface GraphQLResponse<D = Record<string, unknown>> {
  status: number;
  data?: D | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** Posts a GraphQL operation over HTTP, as a partner system would. */
export function graphqlClient(url: string, defaultHeaders: Record<string, string> = {}) {
  return async function request<D = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse<D>> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...defaultHeaders, ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    let body: Omit<GraphQLResponse<D>, 'status'>;
    try {
      body = JSON.parse(text) as Omit<GraphQLResponse<D>, 'status'>;
    } catch {
      body = { errors: [{ message: text }] };
    }
    return { status: response.status, ...body };
  };
}
