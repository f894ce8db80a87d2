import { addDays, today } from '@peacegraph/kit';
import type { DisplacementUnderTest } from './support';

type Client = DisplacementUnderTest['owner'];

/** A date `n` days before today. */
export function daysAgo(n: number): string {
  return addDays(today(), -n);
}

/** The data of a request that must succeed; its errors otherwise, as the failure. */
export async function ok<D = Record<string, unknown>>(client: Client, query: string, variables: Record<string, unknown> = {}): Promise<D> {
  const { data, errors } = await client<D>(query, variables);
  if (errors) throw new Error(JSON.stringify(errors));
  return data!;
}
