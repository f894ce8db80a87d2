import { isoDate, type DateInput } from '@peacegraph/kit/input';

type Dated<F> = Omit<F, 'from' | 'to'> & { from?: DateInput | null; to?: DateInput | null };

/** Date filters arrive as Dates from the scalar (DateInput in the generated types); lists compare SQL dates. */
export function dates<F extends object>(filter: Dated<F> | null | undefined): F {
  const { from, to, ...rest } = filter ?? ({} as Dated<F>);
  return { ...rest, from: from ? isoDate(from) : null, to: to ? isoDate(to) : null } as unknown as F;
}
