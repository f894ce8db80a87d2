import type { SubgraphSource } from '@peacegraph/kit/composition';

/**
 * docker/compose.yaml and docker/postgres/init.sql, written from supergraph.yaml — the plan `npm
 * start` follows — by `npm run compose`, and checked by `npm run compose -- --check`. A new subgraph
 * is one entry in supergraph.yaml: its database, its migration task, its service and the gateway's
 * route to it follow from it here.
 */
export function dockerFiles(subgraphs: readonly SubgraphSource[]): { 'docker/compose.yaml': string; 'docker/postgres/init.sql': string } {
  const ordered = [...subgraphs].sort((a, b) => Number(b.name === 'directory') - Number(a.name === 'directory'));
  return { 'docker/compose.yaml': composeFile(ordered), 'docker/postgres/init.sql': initSql(ordered) };
}

const GENERATED = 'Written by `npm run compose` from supergraph.yaml: edit that file, not this one.';
const portOf = (subgraph: SubgraphSource) => new URL(subgraph.routingUrl).port;
const env = (name: string) => name.toUpperCase().replace(/-/g, '_');
const ready = (port: string) =>
  `["CMD", "node", "-e", "fetch('http://127.0.0.1:${port}/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]`;

function initSql(subgraphs: readonly SubgraphSource[]): string {
  return `-- ${GENERATED}
-- Runs once, when the PostgreSQL container starts on an empty data volume
-- (/docker-entrypoint-initdb.d). One database per subgraph: no subgraph reads another's tables.
-- Each subgraph's migration task then creates its tables and extensions (unaccent, pg_trgm).
--
-- This file only runs on an empty volume: on an existing one, create a new subgraph's database by hand,
--   docker compose -f docker/compose.yaml exec postgres psql -U postgres -c 'CREATE DATABASE peacegraph_<name>'
-- (or start over with \`docker compose -f docker/compose.yaml down -v\`).

${subgraphs.map((s) => `CREATE DATABASE peacegraph_${s.name};`).join('\n')}
-- The schema registry (the control plane) keeps its own.
CREATE DATABASE peacegraph_registry;
`;
}

function subgraphServices(subgraph: SubgraphSource, directory: SubgraphSource | undefined): string {
  const { name } = subgraph;
  const port = portOf(subgraph);
  const domain = directory && directory !== subgraph;
  return `  # Migrations and reference data, then exits. No demo data in a production-like start: the command
  # \`seed\` instead of \`migrate\` loads it. See docker/README.md.
  ${name}-migrate:
    <<: *peacegraph
    command: ["node", "--import", "tsx", "scripts/subgraph.ts", "migrate", "${name}"]
    environment:
      <<: *${name}-database
    depends_on:
      postgres:
        condition: service_healthy
    restart: "no"

  ${name}:
    <<: *peacegraph
    command: ["node", "--import", "tsx", "scripts/subgraph.ts", "serve", "${name}"]
    environment:
      <<: [*${name}-database, *auth${domain ? ', *directory-url' : ''}]
      PORT: "${port}"
      LOG_LEVEL: info
    depends_on:
      ${name}-migrate:
        condition: service_completed_successfully${
          domain
            ? `
      ${directory.name}:
        condition: service_healthy`
            : ''
        }
    # Loopback only: callers go through the gateway; published for the bench and debugging.
    ports:
      - "127.0.0.1:${port}:${port}"
    healthcheck:
      # No curl in the slim image; node's fetch does the same.
      test: ${ready(port)}
      interval: 5s
      timeout: 3s
      start_period: 20s
      retries: 5
    restart: unless-stopped
`;
}

function composeFile(subgraphs: readonly SubgraphSource[]): string {
  const directory = subgraphs.find((s) => s.name === 'directory');
  const directoryUrl = directory ? `http://directory:${portOf(directory)}/graphql` : undefined;
  return `# ${GENERATED}
# A production-like PeaceGraph on one machine: PostgreSQL with one database per subgraph, each
# subgraph after its one-shot migration task, and the gateway in front.
#   export AUTH_HS256_SECRET=$(openssl rand -base64 32)   # or put it in docker/.env (git-ignored)
#   docker compose -f docker/compose.yaml up --build
# then http://localhost:4000/ (explorer) and http://localhost:4000/graphql. See docker/README.md.
name: peacegraph

# Every service runs the same image (docker/Dockerfile); its command picks the entry point.
x-peacegraph: &peacegraph
  build:
    context: ..
    dockerfile: docker/Dockerfile
  image: peacegraph:local
  init: true

# DEVELOPMENT DEFAULT PASSWORD: set POSTGRES_PASSWORD in the environment or docker/.env for anything
# that is not your own machine.
${subgraphs
  .map(
    (s) => `x-${s.name}-database: &${s.name}-database
  DATABASE_URL: postgres://postgres:\${POSTGRES_PASSWORD:-peacegraph-dev-only}@postgres:5432/peacegraph_${s.name}`,
  )
  .join('\n')}
${
  directoryUrl
    ? `
# Domain subgraphs check communities, languages, organisations and API keys against the directory.
x-directory-url: &directory-url
  DIRECTORY_URL: ${directoryUrl}
`
    : ''
}
# How every service verifies callers' tokens. No default on purpose: a secret written here would let
# anyone who reads the repository sign tokens. Identity providers' keys instead: AUTH_JWKS_URL or
# AUTH_PUBLIC_KEY_PEM (see shared/README.md).
x-auth: &auth
  AUTH_HS256_SECRET: \${AUTH_HS256_SECRET:?set AUTH_HS256_SECRET (32+ characters) in the environment or docker/.env}

services:
  postgres:
    image: postgres:16
    environment:
      # DEVELOPMENT DEFAULT PASSWORD (see above); the same variable feeds every DATABASE_URL here.
      POSTGRES_PASSWORD: \${POSTGRES_PASSWORD:-peacegraph-dev-only}
    volumes:
      - ./postgres/init.sql:/docker-entrypoint-initdb.d/init.sql:ro
      - postgres-data:/var/lib/postgresql/data
    # For psql and \`npm run bench\` from the host; loopback only, and not 5432 or the embedded 54329.
    ports:
      - "127.0.0.1:54330:5432"
    healthcheck:
      # Over TCP: during first-time initialisation the server listens on its socket only, so this
      # stays unhealthy until the databases of init.sql exist.
      test: ["CMD", "pg_isready", "-h", "127.0.0.1", "-U", "postgres", "-d", "peacegraph_${subgraphs[0]?.name ?? 'directory'}"]
      interval: 2s
      timeout: 3s
      retries: 30
    restart: unless-stopped

${subgraphs.map((s) => subgraphServices(s, directory)).join('\n')}
  # The schema registry: publish with \`npm run schema -- publish <subgraph> <file> --registry http://localhost:4010\`.
  # The gateway below serves supergraph.graphql; to make it follow the registry instead, give it
  # REGISTRY_URL=http://registry:4010 and a REGISTRY_TOKEN with the usage:write scope (gateway/README.md).
  registry:
    <<: *peacegraph
    command: ["node", "--import", "tsx", "registry/src/index.ts"]
    environment:
      <<: [*auth${directoryUrl ? ', *directory-url' : ''}]
      DATABASE_URL: postgres://postgres:\${POSTGRES_PASSWORD:-peacegraph-dev-only}@postgres:5432/peacegraph_registry
      REGISTRY_PORT: "4010"
      LOG_LEVEL: info
      # The console at http://localhost:4010/ calls the gateway from the browser.
      CONSOLE_GATEWAY_URL: http://localhost:4000/graphql
    depends_on:
      postgres:
        condition: service_healthy
    ports:
      - "127.0.0.1:4010:4010"
    healthcheck:
      test: ${ready('4010')}
      interval: 5s
      timeout: 3s
      start_period: 20s
      retries: 5
    restart: unless-stopped

  gateway:
    <<: *peacegraph
    command: ["node", "--import", "tsx", "gateway/src/index.ts"]
    environment:
      <<: [*auth${directoryUrl ? ', *directory-url' : ''}]
      GATEWAY_PORT: "4000"
      CORS_ORIGINS: http://localhost:4010
      # supergraph.graphql routes to localhost (npm start); inside compose the subgraph is a service
      # name. The gateway also asks the directory at its URL whether a token's organisation exists.
${subgraphs.map((s) => `      SUBGRAPH_URL_${env(s.name)}: http://${s.name}:${portOf(s)}/graphql`).join('\n')}
      LOG_LEVEL: info
    depends_on:
${subgraphs.map((s) => `      ${s.name}:\n        condition: service_healthy`).join('\n')}
    ports:
      - "4000:4000"
    healthcheck:
      test: ${ready('4000')}
      interval: 5s
      timeout: 3s
      start_period: 20s
      retries: 5
    restart: unless-stopped

volumes:
  postgres-data:
`;
}
