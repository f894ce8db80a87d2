/**
 * Demo organisations of the directory (reference ids fixed by its seed) that own the generated data.
 * The bench writes as them, and signs tokens for them, so that "owner" and "another partner" are
 * real cases of the platform's access rules.
 */
/** Jokko Community Education: owns the demo curriculum (module, facilitators) and the generated cohorts. */
export const CURRICULUM_OWNER = '00000000-0000-4000-8000-000000000002';
/** Sahel Peace Commissions Network: owns the demo commissions and cases and the generated ones. */
export const CONFLICTS_OWNER = '00000000-0000-4000-8000-000000000003';
/** Community Resilience Fund: owns the demo forums and the generated forums, declarations and recommendations. */
export const FORUMS_OWNER = '00000000-0000-4000-8000-000000000004';
/** West African Civil Society Mining Forum: owns the demo mining records and the generated sites and trainings. */
export const MINING_OWNER = '00000000-0000-4000-8000-000000000005';
/** Liptako-Gourma Mobility Agency: owns the demo corridors and counting points and the generated flow observations. */
export const DISPLACEMENT_OWNER = '00000000-0000-4000-8000-000000000006';
