/** @peacegraph/kit/policy: see shared/README.md. Only what code outside the kit uses is exported. */
export { type PolicyContext } from './enforce';
export { classOf } from './classes';
export { requirePartner, requireAdmin, requireWriter, requireOwner, type Partner } from './require';
