export const TRANSHUMANCE_TABLES: string[] = [
  'transhumance_corridor',
  'transhumance_corridor_vertex',
  'sensitive_spot',
  'counting_point',
  'flow_observation_batch',
  'flow_observation',
  'flow_week',
  'transhumance_alert',
  'transhumance_alert_recipient',
  'transhumance_alert_transition',
];
