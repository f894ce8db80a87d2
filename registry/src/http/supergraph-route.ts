import type express from 'express';
import type { DataSource } from 'typeorm';
import type { Authenticator } from '@peacegraph/kit/auth';
import { findComposition, liveLaunch } from '../store/compositions';
import { callerOf, refuse } from './caller';

/**
 * GET /supergraph: the live supergraph for gateways, with its composition id as ETag so that a
 * gateway polling every few seconds costs one indexed read and a 304 when nothing changed.
 */
export function supergraphRoute(db: DataSource, authenticate: Authenticator): express.RequestHandler {
  return async (req, res) => {
    const caller = await callerOf(req, authenticate);
    if ('refusal' in caller) return refuse(res, caller.refusal);
    const launch = await liveLaunch(db);
    if (!launch) return refuse(res, { status: 404, code: 'NOT_FOUND', message: 'No composition has been launched yet' });
    const etag = `"${launch.compositionId}"`;
    res.set({
      ETag: etag,
      'X-Composition-Id': launch.compositionId,
      'X-Launched-At': launch.launchedAt.toISOString(),
      'Cache-Control': 'no-cache',
    });
    if (req.get('if-none-match') === etag) return res.status(304).end();
    const composition = (await findComposition(db, launch.compositionId))!;
    res.type('text/plain; charset=utf-8').send(composition.supergraphSdl);
  };
}
