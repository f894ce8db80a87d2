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

/** The data of a response that must succeed; otherwise the test fails with its errors. */
export async function dataOf<D>(response: Promise<GraphQLResponse<D>> | Promise<{ data?: D | null; errors?: unknown[] }>): Promise<D> {
  const { data, errors } = await response;
  if (errors?.length) throw new Error(JSON.stringify(errors));
  return data!;
}

/** A request that must succeed: its data, or the test fails with the errors. */
export function ok<D = Record<string, unknown>>(
  client: ReturnType<typeof graphqlClient>,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<D> {
  return dataOf(client<D>(query, variables));
}
