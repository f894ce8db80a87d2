-- Runs once, when the PostgreSQL container starts on an empty data volume
-- (/docker-entrypoint-initdb.d). One database per subgraph: no subgraph reads another's tables.
-- Each subgraph's migration task then creates its tables and extensions (unaccent, pg_trgm).
--
-- To add a subgraph, add its database here, e.g.
--   CREATE DATABASE peacegraph_forums;
-- and, because this file only runs on an empty volume, create it by hand on an existing one:
--   docker compose -f docker/compose.yaml exec postgres psql -U postgres -c 'CREATE DATABASE peacegraph_forums'
-- (or start over with `docker compose -f docker/compose.yaml down -v`).

CREATE DATABASE peacegraph_directory;
CREATE DATABASE peacegraph_curriculum;
CREATE DATABASE peacegraph_conflicts;
CREATE DATABASE peacegraph_forums;
CREATE DATABASE peacegraph_mining;
CREATE DATABASE peacegraph_displacement;
