/** What the registry refused, in its words, with the field at fault when it named one. */
export class RegistryRefusal extends Error {}

export function registryClient(base: string, token: string) {
  const url = new URL('/graphql', base).toString();
  return {
    async request<D>(query: string, variables: Record<string, unknown>): Promise<D> {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(60_000),
      });
      const body = (await response.json().catch(() => ({}))) as {
        data?: D;
        errors?: { message: string; extensions?: { code?: string; field?: string; problems?: { field: string; message: string }[] } }[];
      };
      if (body.errors?.length) {
        const lines = body.errors.flatMap((e) =>
          e.extensions?.problems?.length
            ? e.extensions.problems.map((p) => `  - ${p.field}: ${p.message}`)
            : [`  - ${e.extensions?.code ?? 'ERROR'}${e.extensions?.field ? ` (${e.extensions.field})` : ''}: ${e.message}`],
        );
        throw new RegistryRefusal(`The registry refused:\n${lines.join('\n')}`);
      }
      if (!response.ok || !body.data) throw new RegistryRefusal(`The registry answered HTTP ${response.status}`);
      return body.data;
    },
  };
}
