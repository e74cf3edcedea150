-- Flagtrail's least-privilege PostgreSQL roles (docs/operations.md, "Least-privilege roles").
--
-- Run it as a superuser (or a role with CREATEROLE that owns the database) in Flagtrail's database, before the first
-- migration and again after every migration; it is idempotent:
--
--   psql -d flagtrail -v owner=flagtrail_owner -v app=flagtrail_app -f deploy/postgres/least-privilege.sql
--   DATABASE_USER=flagtrail_owner flagtrail db migrate          # the owner runs the migrations
--   psql -d flagtrail -v owner=flagtrail_owner -v app=flagtrail_app -f deploy/postgres/least-privilege.sql
--   DATABASE_USER=flagtrail_app DATABASE_MIGRATE=false \
--     FLAGTRAIL_LEDGER_SIGNING_KEY_FILE=… AUTH_JWT_SECRET_FILE=… flagtrail          # the service runs as the app
--
-- Optional: -v schema=<name> (default public). Set passwords with ALTER ROLE … PASSWORD afterwards (or use another
-- authentication method); this script sets none.
--
-- owner: owns the schema's objects, so it alone can alter tables and their append-only triggers; it runs migrations.
-- app:   reads and writes rows, nothing else. It owns nothing, so it cannot ALTER a table or DISABLE a trigger; it is no
--        superuser, so it cannot SET session_replication_role to skip triggers; it has no privilege on server_secrets,
--        so it cannot read a signing key (give the keys from files instead); no TRUNCATE anywhere. The ledger's
--        triggers admit its INSERT into audit_entries only to seal a waiting entry unchanged, its DELETE there only
--        inside a signed purge, and its DELETE in audit_pending only of an entry sealed; no UPDATE of either.
\set ON_ERROR_STOP on
\if :{?schema}
\else
\set schema public
\endif

SELECT format('CREATE ROLE %I LOGIN', :'owner') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'owner') \gexec
SELECT format('CREATE ROLE %I LOGIN', :'app') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'app') \gexec
SELECT format('GRANT CONNECT ON DATABASE %I TO %I, %I', current_database(), :'owner', :'app') \gexec

SELECT format('CREATE SCHEMA IF NOT EXISTS %I AUTHORIZATION %I', :'schema', :'owner') \gexec
SELECT format('GRANT USAGE, CREATE ON SCHEMA %I TO %I', :'schema', :'owner') \gexec
SELECT format('GRANT USAGE ON SCHEMA %I TO %I', :'schema', :'app') \gexec
SELECT format('REVOKE CREATE ON SCHEMA %I FROM %I', :'schema', :'app') \gexec

-- What the migrations created: rows, not structure; never the secrets.
SELECT format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', :'schema', :'app') \gexec
SELECT format('REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA %I FROM %I', :'schema', :'app') \gexec
SELECT format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', :'schema', :'app') \gexec
SELECT format('REVOKE ALL ON TABLE %I.server_secrets FROM %I', :'schema', :'app')
    WHERE to_regclass(format('%I.server_secrets', :'schema')) IS NOT NULL \gexec
SELECT format('REVOKE INSERT, UPDATE, DELETE ON TABLE %I.flyway_schema_history FROM %I', :'schema', :'app')
    WHERE to_regclass(format('%I.flyway_schema_history', :'schema')) IS NOT NULL \gexec
