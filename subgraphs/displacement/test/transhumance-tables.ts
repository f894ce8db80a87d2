export const TRANSHUMANCE_TABLES: string[] = [];
