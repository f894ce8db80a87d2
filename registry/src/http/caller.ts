import type express from 'express';
import type { Authenticator, Viewer } from '@peacegraph/kit/auth';
import { RETRYABLE_CODES } from '@peacegraph/kit/errors';

export interface Refusal {
  status: number;
  code: string;
  message: string;
}

/** The verified caller of a plain HTTP route, or why it is refused; anonymous callers are refused. */
export async function callerOf(
  req: express.Request,
  authenticate: Authenticator,
): Promise<{ viewer: Extract<Viewer, { kind: 'partner' }> } | { refusal: Refusal }> {
  try {
    const viewer = await authenticate(req.get('authorization'));
    if (viewer.kind !== 'partner')
      return { refusal: { status: 401, code: 'UNAUTHENTICATED', message: 'The registry needs a bearer token or API key' } };
    return { viewer };
  } catch (error) {
    const code = (error as { extensions?: { code?: string } }).extensions?.code ?? 'UNAUTHENTICATED';
    const status = RETRYABLE_CODES.has(code) ? 503 : 401;
    return {
      refusal: {
        status,
        code,
        message: status === 401 ? (error as Error).message : 'The registry cannot verify callers just now; try again',
      },
    };
  }
}

export function refuse(res: express.Response, refusal: Refusal): void {
  res.status(refusal.status).json({ error: { code: refusal.code, message: refusal.message } });
}
