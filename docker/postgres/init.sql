-- Written by `npm run compose` from supergraph.yaml: edit that file, not this one.
-- Runs once, when the PostgreSQL container starts on an empty data volume
-- (/docker-entrypoint-initdb.d). One database per subgraph: no subgraph reads another's tables.
-- Each subgraph's migration task then creates its tables and extensions (unaccent, pg_trgm).
--
-- This file only runs on an empty volume: on an existing one, create a new subgraph's database by hand,
--   docker compose -f docker/compose.yaml exec postgres psql -U postgres -c 'CREATE DATABASE peacegraph_<name>'
-- (or start over with `docker compose -f docker/compose.yaml down -v`).

CREATE DATABASE peacegraph_directory;
CREATE DATABASE peacegraph_curriculum;
CREATE DATABASE peacegraph_conflicts;
CREATE DATABASE peacegraph_forums;
CREATE DATABASE peacegraph_mining;
CREATE DATABASE peacegraph_displacement;
-- The schema registry (the control plane) keeps its own.
CREATE DATABASE peacegraph_registry;
