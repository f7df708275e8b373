-- Issue #17 (security and self-healing).

-- Server-side sessions: the cookie (iron-session) holds a session id that must exist here, so sign-out,
-- a password reset, a role change or a deletion ends sessions at once on every replica.
CREATE TABLE "user_session" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "user_session_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "user_session_user_id_idx" ON "user_session"("user_id");
ALTER TABLE "user_session" ADD CONSTRAINT "user_session_user_id_fkey"
    FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Bound agent identities: SHA-256 of the per-installation key the machine's agent sent when it enrolled.
-- A new enrollment for a machine that still has an active agent must present the same key.
ALTER TABLE "machine" ADD COLUMN "installation_key_hash" TEXT;

-- Sign-in and enroll attempt counters shared by every replica (rate-limiter-flexible's Postgres store layout:
-- key = limiter prefix + key, points consumed, expire = epoch milliseconds).
CREATE TABLE "rate_limit" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limit_pkey" PRIMARY KEY ("key")
);
