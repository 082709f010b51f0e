-- SAR Desk: least-privilege PostgreSQL roles (issue 15, "Audit that holds against the database's own users").
--
-- Two roles:
--   owner role (default sar_owner): owns the schema; `sar db upgrade` (Alembic migrations) runs as it.
--   app role   (default sar_app):   what the web server and the worker connect as. It may read and
--              write the case tables, but on audit_events only SELECT and INSERT: it can append to the
--              audit log and read it, never DELETE or TRUNCATE it, and UPDATE only the personal-detail
--              columns that disposal minimises (see section 4). It owns no table, so it
--              cannot drop a trigger or alter a table either.
--
-- Run as a superuser, connected to the SAR Desk database, once before the first `sar db upgrade` and
-- again after every upgrade (it is idempotent; it restates the audit revocations, and grants the
-- app role UPDATE/DELETE on tables the upgrade added):
--
--   psql -v ON_ERROR_STOP=1 -d sar -f deploy/postgres-roles.sql \
--        -v owner_role=sar_owner -v app_role=sar_app
--   psql -d sar -c '\password sar_owner'      # then set each role's password interactively
--   psql -d sar -c '\password sar_app'
--
-- Then: SAR_DATABASE_URL=postgresql+psycopg://sar_owner:...@host/sar sar db upgrade
--       SAR_DATABASE_URL=postgresql+psycopg://sar_app:...@host/sar    sar serve / sar worker
--
-- Tables already owned by another role (an install that ran as the superuser) are handed to the owner
-- role. The keyed chain (SAR_AUDIT_KEY) and the anchors (SAR_AUDIT_ANCHOR_FILE) catch what the owner
-- role, or a superuser, can still do to the rows (`sar audit verify`).

\set ON_ERROR_STOP on
\if :{?owner_role}
\else
\set owner_role sar_owner
\endif
\if :{?app_role}
\else
\set app_role sar_app
\endif

-- 1. The roles (LOGIN, no superuser, no role or database creation).
SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE', :'owner_role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'owner_role') \gexec
SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT', :'app_role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'app_role') \gexec

-- 2. The owner owns the schema's objects and may create more (migrations).
SELECT format('GRANT CONNECT ON DATABASE %I TO %I, %I', current_database(), :'owner_role', :'app_role') \gexec
SELECT format('GRANT USAGE, CREATE ON SCHEMA public TO %I', :'owner_role') \gexec
SELECT format('ALTER TABLE public.%I OWNER TO %I', tablename, :'owner_role')
  FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'apscheduler_jobs'
   AND tableowner <> :'owner_role' \gexec
SELECT format('ALTER SEQUENCE public.%I OWNER TO %I', c.relname, :'owner_role')
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = 'public' AND c.relkind = 'S' AND pg_get_userbyid(c.relowner) <> :'owner_role'
   AND NOT EXISTS (SELECT 1 FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid
                    WHERE d.objid = c.oid AND d.deptype IN ('a', 'i') AND t.relname = 'apscheduler_jobs') \gexec

-- 3. The app role: data access on every table the owner has made.
--    Tables a later migration creates get only SELECT and INSERT by default (fail closed: a new
--    table is never silently rewritable); re-running this script grants the rest.
--    USAGE and CREATE on the schema: the worker creates its own scheduler table (apscheduler_jobs),
--    which it then owns; it owns nothing else.
SELECT format('GRANT USAGE, CREATE ON SCHEMA public TO %I', :'app_role') \gexec
SELECT format('GRANT SELECT, INSERT, UPDATE, DELETE ON public.%I TO %I', tablename, :'app_role')
  FROM pg_tables WHERE schemaname = 'public'
   AND tablename NOT IN ('audit_events', 'audit_head', 'alembic_version', 'apscheduler_jobs') \gexec
SELECT format('GRANT SELECT, INSERT, UPDATE ON public.audit_head TO %I', :'app_role')
 WHERE to_regclass('public.audit_head') IS NOT NULL \gexec
SELECT format('GRANT SELECT, INSERT ON public.audit_events TO %I', :'app_role')
 WHERE to_regclass('public.audit_events') IS NOT NULL \gexec
SELECT format('GRANT SELECT ON public.alembic_version TO %I', :'app_role')
 WHERE to_regclass('public.alembic_version') IS NOT NULL \gexec
SELECT format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO %I', :'app_role') \gexec
SELECT format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public '
              'GRANT SELECT, INSERT ON TABLES TO %I', :'owner_role', :'app_role') \gexec
SELECT format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public '
              'GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO %I', :'owner_role', :'app_role') \gexec

-- 4. The audit log is append-only for the app; the migration bookkeeping is read-only.
--    audit_head (the last seq and MAC) must be updated on every append; truncating the log behind
--    it is caught by the anchors.
SELECT format('REVOKE UPDATE, DELETE, TRUNCATE, TRIGGER, REFERENCES ON public.audit_events FROM %I, PUBLIC',
              :'app_role') WHERE to_regclass('public.audit_events') IS NOT NULL \gexec
-- Disposal minimises a disposed request's audit rows (issue 18): the app may overwrite only their
-- personal-detail columns, which chain format 2 covers by a keyed digest, so an edit of a row as
-- written still fails `sar audit verify`, and a row marked minimised must belong to a disposed request.
-- (Granted after the REVOKE above, which also revokes column privileges.)
SELECT format('GRANT UPDATE (actor_label, detail, client_ip, user_agent, minimised_at) '
              'ON public.audit_events TO %I', :'app_role')
 WHERE to_regclass('public.audit_events') IS NOT NULL
   AND EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = 'public'
               AND table_name = 'audit_events' AND column_name = 'minimised_at') \gexec
SELECT format('REVOKE DELETE, TRUNCATE, TRIGGER ON public.audit_head FROM %I, PUBLIC', :'app_role')
 WHERE to_regclass('public.audit_head') IS NOT NULL \gexec
SELECT format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON public.alembic_version FROM %I, PUBLIC', :'app_role')
 WHERE to_regclass('public.alembic_version') IS NOT NULL \gexec
