/** @peacegraph/kit/usage: the usage report the gateway sends and the registry stores. */
export { LATENCY_BUCKETS_MS, USAGE_LIMITS, hourOf, latencyBucket, type UsageEntry, type UsageReport } from './report';
