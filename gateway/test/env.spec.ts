import path from 'node:path';
import { EnvError } from '@peacegraph/kit/server';
import { readGatewayEnv } from '../src/env';

const SECRET = 'a-test-secret-of-at-least-32-characters';

describe('gateway environment', () => {
  it('has working defaults: port 4000, the repository supergraph, 10 s timeout, 32 MB kept, 1mb / depth 12 / 30 aliases / cost 500,000', () => {
    expect(readGatewayEnv({ AUTH_HS256_SECRET: SECRET })).toEqual({
      port: 4000,
      host: '0.0.0.0',
      supergraphPath: path.resolve(__dirname, '..', '..', 'supergraph.graphql'),
      subgraphTimeoutMs: 10_000,
      mergeReads: true,
      keptAnswersBudget: 32 * 1024 * 1024,
      bodySize: '1mb',
      maxDepth: 12,
      maxAliases: 30,
      maxCost: 500_000,
      subgraphUrls: {},
      explorerHeaders: undefined,
      corsOrigins: [],
      logLevel: 'info',
      directoryUrl: 'http://localhost:4001/graphql',
      auth: {
        hs256Secret: SECRET,
        jwksUrl: undefined,
        publicKeyPem: undefined,
        publicKeyAlgorithm: 'RS256',
        issuer: 'peacegraph',
        audience: 'peacegraph',
      },
      registry: undefined,
      usage: { flushMs: 5000, bufferMax: 10_000 },
      rateLimit: { limit: 600, anonymousLimit: 120, burst: 600, windowSeconds: 60, redisUrl: undefined },
      trustProxy: 'loopback',
    });
  });

  it('reads the rate limits, Redis and the trusted proxies, and lists every problem of them at once', () => {
    const config = readGatewayEnv({
      AUTH_HS256_SECRET: SECRET,
      RATE_LIMIT_PER_MINUTE: '1200',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '30',
      RATE_LIMIT_BURST: '100',
      REDIS_URL: 'redis://:secret@10.0.0.7:6379/2',
      TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::1',
    });
    expect(config.rateLimit).toEqual({
      limit: 1200,
      anonymousLimit: 30,
      burst: 100,
      windowSeconds: 60,
      redisUrl: 'redis://:secret@10.0.0.7:6379/2',
    });
    expect(config.trustProxy).toBe('loopback, 10.0.0.0/8, fd00::1');
    expect(readGatewayEnv({ AUTH_HS256_SECRET: SECRET, RATE_LIMIT: 'off', TRUST_PROXY: '2' })).toMatchObject({
      rateLimit: false,
      trustProxy: 2,
    });
    expect(readGatewayEnv({ AUTH_HS256_SECRET: SECRET, TRUST_PROXY: 'false' }).trustProxy).toBe(false);

    let error: unknown;
    try {
      readGatewayEnv({
        AUTH_HS256_SECRET: SECRET,
        RATE_LIMIT: 'no',
        RATE_LIMIT_PER_MINUTE: '0',
        RATE_LIMIT_ANONYMOUS_PER_MINUTE: 'many',
        RATE_LIMIT_BURST: '1.5',
        REDIS_URL: 'http://:secret@cache:6379',
        TRUST_PROXY: 'loopback,proxy.internal,10.0.0.0/40',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvError);
    expect((error as EnvError).problems).toEqual([
      'RATE_LIMIT must be one of on, off, got "no"',
      'RATE_LIMIT_PER_MINUTE must be a whole number of at least 1, got "0"',
      'RATE_LIMIT_ANONYMOUS_PER_MINUTE must be a whole number of at least 1, got "many"',
      'RATE_LIMIT_BURST must be a whole number of at least 1, got "1.5"',
      'REDIS_URL must be a redis:// or rediss:// URL',
      'TRUST_PROXY: "proxy.internal", "10.0.0.0/40" is not loopback, linklocal, uniquelocal, an IP address or a CIDR range (or give a hop count, or false)',
    ]);
    expect((error as EnvError).message).not.toContain('secret');
  });

  it('reads CORS_ORIGINS as origins or "localhost", and names every entry that is not one', () => {
    expect(
      readGatewayEnv({ AUTH_HS256_SECRET: SECRET, CORS_ORIGINS: ' https://console.partner.example , localhost,http://10.0.0.5:8080' })
        .corsOrigins,
    ).toEqual(['https://console.partner.example', 'localhost', 'http://10.0.0.5:8080']);
    expect(() =>
      readGatewayEnv({
        AUTH_HS256_SECRET: SECRET,
        CORS_ORIGINS: 'https://ok.example,*,https://x.example/app,ftp://files.example,https://u:p@x.example',
      }),
    ).toThrow(
      expect.objectContaining({
        problems: [
          'CORS_ORIGINS: "*" is not an origin (scheme://host[:port]) nor "localhost"',
          'CORS_ORIGINS: "https://x.example/app" must be an origin only: no path, query or credentials',
          'CORS_ORIGINS: "ftp://files.example" must be http or https',
          'CORS_ORIGINS: "https://u:p@x.example" must be an origin only: no path, query or credentials',
        ],
      }),
    );
  });

  it('follows the registry when REGISTRY_URL is set: token, poll interval, cache path, usage settings', () => {
    const config = readGatewayEnv({
      AUTH_HS256_SECRET: SECRET,
      REGISTRY_URL: 'http://registry.internal:4010',
      REGISTRY_TOKEN: 'gateway-token',
      REGISTRY_POLL_MS: '500',
      SUPERGRAPH_CACHE_PATH: 'var/supergraph-cache.graphql',
      USAGE_FLUSH_MS: '1000',
      USAGE_BUFFER_MAX: '50',
    });
    expect(config.registry).toEqual({
      url: 'http://registry.internal:4010',
      token: 'gateway-token',
      pollMs: 500,
      cachePath: path.resolve('var/supergraph-cache.graphql'),
    });
    expect(config.usage).toEqual({ flushMs: 1000, bufferMax: 50 });
  });

  it('keeps the last registry supergraph under .data/ by default', () => {
    const config = readGatewayEnv({ AUTH_HS256_SECRET: SECRET, REGISTRY_URL: 'https://registry.example.org/', REGISTRY_TOKEN: 't' });
    expect(config.registry).toEqual({
      url: 'https://registry.example.org/',
      token: 't',
      pollMs: 2000,
      cachePath: path.resolve(__dirname, '..', '..', '.data', 'registry-supergraph.graphql'),
    });
  });

  it('lists the problems of the registry settings with the others', () => {
    let error: unknown;
    try {
      readGatewayEnv({
        AUTH_HS256_SECRET: SECRET,
        REGISTRY_URL: 'registry:4010',
        REGISTRY_POLL_MS: '10',
        USAGE_FLUSH_MS: 'often',
        USAGE_BUFFER_MAX: '0',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvError);
    expect((error as EnvError).problems).toEqual([
      'REGISTRY_POLL_MS must be a whole number of at least 100, got "10"',
      'USAGE_FLUSH_MS must be a whole number of at least 100, got "often"',
      'USAGE_BUFFER_MAX must be a whole number of at least 1, got "0"',
      'REGISTRY_URL must be an http(s) URL, got "registry:4010"',
      "REGISTRY_TOKEN is required with REGISTRY_URL (the gateway's bearer token at the registry)",
    ]);
  });

  it('refuses to start without a way to verify callers', () => {
    expect(() => readGatewayEnv({})).toThrow(/one of AUTH_HS256_SECRET, AUTH_JWKS_URL or AUTH_PUBLIC_KEY_PEM is required/);
    expect(() => readGatewayEnv({ AUTH_HS256_SECRET: 'short' })).toThrow(/at least 32 characters/);
  });

  it('turns merging of identical subgraph reads off with SUBGRAPH_MERGE_READS=off, and refuses other values', () => {
    expect(readGatewayEnv({ AUTH_HS256_SECRET: SECRET, SUBGRAPH_MERGE_READS: 'off' }).mergeReads).toBe(false);
    expect(readGatewayEnv({ AUTH_HS256_SECRET: SECRET, SUBGRAPH_MERGE_READS: 'on' }).mergeReads).toBe(true);
    expect(() => readGatewayEnv({ AUTH_HS256_SECRET: SECRET, SUBGRAPH_MERGE_READS: 'no' })).toThrow(/SUBGRAPH_MERGE_READS/);
  });

  it('reads SUBGRAPH_URL_<NAME> overrides and explorer headers', () => {
    const config = readGatewayEnv({
      GATEWAY_PORT: '4100',
      SUBGRAPH_URL_DIRECTORY: 'http://10.0.0.5:4001/graphql',
      SUBGRAPH_URL_SITE_VISITS: 'https://visits.example.org/graphql',
      EXPLORER_HEADERS: '{"Authorization":"Bearer dev-admin"}',
      MAX_QUERY_DEPTH: '8',
      AUTH_HS256_SECRET: SECRET,
    });
    expect(config.port).toBe(4100);
    expect(config.maxDepth).toBe(8);
    expect(config.subgraphUrls).toEqual({
      directory: 'http://10.0.0.5:4001/graphql',
      site_visits: 'https://visits.example.org/graphql',
    });
    expect(config.explorerHeaders).toEqual({ Authorization: 'Bearer dev-admin' });
  });

  it('lists every problem at once, its own checks included', () => {
    let error: unknown;
    try {
      readGatewayEnv({
        GATEWAY_PORT: 'eighty',
        MAX_ALIASES: '-1',
        SUBGRAPH_URL_DIRECTORY: 'localhost:4001',
        EXPLORER_HEADERS: '{"Authorization": 42}',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvError);
    expect((error as EnvError).problems).toEqual([
      'GATEWAY_PORT must be a port number from 0 to 65535, got "eighty"',
      'MAX_ALIASES must be a whole number of at least 0, got "-1"',
      'SUBGRAPH_URL_DIRECTORY must be an http(s) URL, got "localhost:4001"',
      'EXPLORER_HEADERS must be a JSON object of header names to string values',
    ]);
  });
});
