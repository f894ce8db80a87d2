import express from 'express';
import type { DataSource } from 'typeorm';
import { isAdmin, type Authenticator } from '@peacegraph/kit/auth';
import type { Logger } from '@peacegraph/kit/server';
import { USAGE_LIMITS, type UsageReport } from '@peacegraph/kit/usage';
import { ingestUsage, noteReporter } from '../store/usage';
import { reportProblems } from '../usage/validate-report';
import { callerOf, refuse } from './caller';

/** The scope a gateway's credential carries to report usage. */
export const USAGE_SCOPE = 'usage:write';

/**
 * POST /usage: a gateway's report, taken whole or refused whole. Only a caller with `usage:write` (the
 * platform's gateways) or an admin may report: usage decides whether a breaking change may launch, so
 * a partner must not be able to forge it.
 */
export function usageRoute(db: DataSource, authenticate: Authenticator, retentionDays: number, log: Logger): express.Router {
  const router = express.Router();
  router.post('/usage', async (req, res, next) => {
    const caller = await callerOf(req, authenticate);
    if ('refusal' in caller) return refuse(res, caller.refusal);
    if (!caller.viewer.scopes.has(USAGE_SCOPE) && !isAdmin(caller.viewer)) {
      return refuse(res, { status: 403, code: 'FORBIDDEN', message: `Reporting usage needs the ${USAGE_SCOPE} scope` });
    }
    next();
  });
  router.post('/usage', express.json({ limit: USAGE_LIMITS.bodyBytes }), async (req, res) => {
    const problems = reportProblems(req.body, retentionDays);
    if (problems.length)
      return res.status(400).json({ error: { code: 'BAD_USER_INPUT', message: 'The usage report was refused', problems } });
    const report = req.body as UsageReport;
    await db.transaction(async (tx) => {
      if (report.operations.length) await ingestUsage(tx, report);
      await noteReporter(tx, report.gateway, report.dropped);
    });
    if (report.dropped > 0) log.warn({ gateway: report.gateway, dropped: report.dropped }, 'a gateway dropped usage it could not report');
    res.status(202).json({ accepted: report.operations.length });
  });
  return router;
}
