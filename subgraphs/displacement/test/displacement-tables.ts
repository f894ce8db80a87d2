export const DISPLACEMENT_TABLES: string[] = [];
