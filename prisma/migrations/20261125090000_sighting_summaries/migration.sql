-- Summaries of the sighting tables, kept by ingest in the same transaction, so the duplicate-CMID page
-- and the host audit read a few rows instead of grouping every client of the fleet per request.

-- CMIDs reported by more than one machine (a flag; the page re-checks and details them from cmid_sighting).
CREATE TABLE "duplicate_cmid" (
    "cmid" TEXT NOT NULL,
    "flagged_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "duplicate_cmid_pkey" PRIMARY KEY ("cmid")
);

-- Each client of a KMS host once, whatever the sources: distinct client counts and samples per host.
CREATE TABLE "kms_host_client" (
    "host" TEXT NOT NULL,
    "client" TEXT NOT NULL,

    CONSTRAINT "kms_host_client_pkey" PRIMARY KEY ("host", "client")
);

-- How many distinct clients each KMS host has (the rows of kms_host_client per host, counted as they are added).
CREATE TABLE "kms_host_client_count" (
    "host" TEXT NOT NULL,
    "clients" INTEGER NOT NULL,

    CONSTRAINT "kms_host_client_count_pkey" PRIMARY KEY ("host")
);

-- Where each KMS host was seen, and when: one row per host and source.
CREATE TABLE "kms_host_source" (
    "host" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "kms_host_source_pkey" PRIMARY KEY ("host", "source")
);
