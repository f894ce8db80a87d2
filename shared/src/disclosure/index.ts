/** @peacegraph/kit/disclosure: see shared/README.md. Only what code outside the kit uses is exported. */
export { discloseTable, discloseCounts, DEFAULT_THRESHOLD, type DisclosedCount } from './disclosure';
export { discloseNested, type NestedBreakdown, type DisclosedArea } from './disclosure-nested';
