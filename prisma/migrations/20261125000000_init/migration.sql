-- CreateEnum
CREATE TYPE "MachineRole" AS ENUM ('unknown', 'kms_host', 'client');

-- CreateTable
CREATE TABLE "machine" (
    "id" UUID NOT NULL,
    "fqdn" TEXT NOT NULL,
    "hostname" TEXT NOT NULL,
    "role" "MachineRole" NOT NULL DEFAULT 'unknown',
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "machine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agent" (
    "id" UUID NOT NULL,
    "machine_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "token_prefix" TEXT NOT NULL,
    "agent_version" TEXT,
    "enrolled_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "agent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ingest_batch" (
    "id" UUID NOT NULL,
    "agent_id" UUID NOT NULL,
    "machine_id" UUID NOT NULL,
    "collected_at" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "agent_version" TEXT NOT NULL,
    "artifacts" INTEGER NOT NULL,
    "accepted" INTEGER NOT NULL,
    "duplicates" INTEGER NOT NULL,
    "rejected" INTEGER NOT NULL,

    CONSTRAINT "ingest_batch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "raw_artifact" (
    "id" UUID NOT NULL,
    "machine_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "raw_artifact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "snapshot" (
    "id" UUID NOT NULL,
    "machine_id" UUID NOT NULL,
    "raw_artifact_id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "product_key" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "collected_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "activation_id" TEXT,
    "application_id" TEXT,
    "name" TEXT,
    "channel" TEXT,
    "product_key_channel" TEXT,
    "partial_product_key" TEXT,
    "license_status" TEXT,
    "grace_remaining_min" INTEGER,
    "expires_at" TIMESTAMPTZ(3),
    "notification_reason" TEXT,
    "is_kms_host" BOOLEAN NOT NULL,
    "current_count" INTEGER,
    "listening_port" INTEGER,
    "dns_publishing" BOOLEAN,
    "total_requests" INTEGER,
    "failed_requests" INTEGER,
    "cmid" TEXT,
    "kms_host" TEXT,
    "kms_port" INTEGER,
    "kms_host_source" TEXT,
    "service_version" TEXT,
    "parsed" JSONB NOT NULL,

    CONSTRAINT "snapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "activation_event" (
    "id" BIGSERIAL NOT NULL,
    "machine_id" UUID NOT NULL,
    "log" TEXT NOT NULL,
    "record_id" BIGINT NOT NULL,
    "event_id" INTEGER NOT NULL,
    "time_created" TIMESTAMPTZ(3) NOT NULL,
    "computer" TEXT,
    "hresult" TEXT,
    "status" TEXT,
    "kms_host" TEXT,
    "kms_port" INTEGER,
    "cmid" TEXT,
    "client_time" TIMESTAMPTZ(3),
    "is_vm" BOOLEAN,
    "license_status" TEXT,
    "minutes_to_expiry" INTEGER,
    "activation_id" TEXT,
    "min_count" INTEGER,
    "client_fqdn" TEXT,
    "activated" BOOLEAN,
    "host_current_count" INTEGER,
    "activation_interval_min" INTEGER,
    "renewal_interval_min" INTEGER,
    "domain" TEXT,
    "raw_xml" TEXT NOT NULL,
    "ingested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "activation_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quarantined_artifact" (
    "id" UUID NOT NULL,
    "machine_id" UUID NOT NULL,
    "artifact_index" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "error" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quarantined_artifact_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "machine_fqdn_key" ON "machine"("fqdn");

-- CreateIndex
CREATE UNIQUE INDEX "agent_token_hash_key" ON "agent"("token_hash");

-- CreateIndex
CREATE INDEX "agent_machine_id_idx" ON "agent"("machine_id");

-- CreateIndex
CREATE INDEX "ingest_batch_machine_id_received_at_idx" ON "ingest_batch"("machine_id", "received_at");

-- CreateIndex
CREATE UNIQUE INDEX "raw_artifact_machine_id_content_hash_key" ON "raw_artifact"("machine_id", "content_hash");

-- CreateIndex
CREATE INDEX "snapshot_machine_id_product_key_collected_at_idx" ON "snapshot"("machine_id", "product_key", "collected_at");

-- CreateIndex
CREATE INDEX "snapshot_is_kms_host_collected_at_idx" ON "snapshot"("is_kms_host", "collected_at");

-- CreateIndex
CREATE INDEX "snapshot_cmid_idx" ON "snapshot"("cmid");

-- CreateIndex
CREATE INDEX "snapshot_kms_host_idx" ON "snapshot"("kms_host");

-- CreateIndex
CREATE UNIQUE INDEX "activation_event_machine_id_log_record_id_key" ON "activation_event"("machine_id", "log", "record_id");

-- CreateIndex
CREATE INDEX "activation_event_machine_id_event_id_time_created_idx" ON "activation_event"("machine_id", "event_id", "time_created");

-- CreateIndex
CREATE INDEX "activation_event_event_id_time_created_idx" ON "activation_event"("event_id", "time_created");

-- CreateIndex
CREATE INDEX "activation_event_cmid_time_created_idx" ON "activation_event"("cmid", "time_created");

-- CreateIndex
CREATE INDEX "quarantined_artifact_machine_id_received_at_idx" ON "quarantined_artifact"("machine_id", "received_at");

-- AddForeignKey
ALTER TABLE "agent" ADD CONSTRAINT "agent_machine_id_fkey" FOREIGN KEY ("machine_id") REFERENCES "machine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ingest_batch" ADD CONSTRAINT "ingest_batch_agent_id_fkey" FOREIGN KEY ("agent_id") REFERENCES "agent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ingest_batch" ADD CONSTRAINT "ingest_batch_machine_id_fkey" FOREIGN KEY ("machine_id") REFERENCES "machine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "raw_artifact" ADD CONSTRAINT "raw_artifact_machine_id_fkey" FOREIGN KEY ("machine_id") REFERENCES "machine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "snapshot" ADD CONSTRAINT "snapshot_machine_id_fkey" FOREIGN KEY ("machine_id") REFERENCES "machine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "snapshot" ADD CONSTRAINT "snapshot_raw_artifact_id_fkey" FOREIGN KEY ("raw_artifact_id") REFERENCES "raw_artifact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activation_event" ADD CONSTRAINT "activation_event_machine_id_fkey" FOREIGN KEY ("machine_id") REFERENCES "machine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quarantined_artifact" ADD CONSTRAINT "quarantined_artifact_machine_id_fkey" FOREIGN KEY ("machine_id") REFERENCES "machine"("id") ON DELETE CASCADE ON UPDATE CASCADE;
