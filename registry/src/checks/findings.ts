/** What a check found, as stored with the check and shown by the API, the CLI and the console. */
export interface Finding {
  kind: 'COMPOSITION' | 'CHANGE' | 'POLICY' | 'USAGE';
  severity: 'ERROR' | 'WARNING' | 'INFO';
  code: string;
  message: string;
  subgraph?: string | null;
  line?: number | null;
  column?: number | null;
  coordinate?: string | null;
}

export interface OperationUsage {
  signature: string;
  name: string | null;
  document: string;
  clientName: string | null;
  clientVersion: string | null;
  organisationId: string | null;
  count: number;
  errors: number;
  p50Ms: number | null;
  p95Ms: number | null;
  lastSeen: Date | string | null;
}

export interface Approval {
  approvedBy: string;
  approvedByOrganisationId: string | null;
  reason: string | null;
  checkId: string;
  approvedAt: Date | string;
}

/** A change to the API schema, with what the registry knows of its consequences. */
export interface CheckedChange {
  criticality: 'BREAKING' | 'DANGEROUS' | 'SAFE';
  type: string;
  message: string;
  path: string | null;
  coordinate: string | null;
  /** Stable across checks: the same change proposed again has the same key, so its approval sticks. */
  key: string;
  usedBy: OperationUsage[];
  approval: Approval | null;
}

const ORDER = { ERROR: 0, WARNING: 1, INFO: 2 } as const;

export function bySeverity(a: Finding, b: Finding): number {
  return ORDER[a.severity] - ORDER[b.severity];
}
