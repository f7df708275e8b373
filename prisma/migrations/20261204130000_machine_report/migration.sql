-- The latest answer of each machine-level probe an agent reports besides licensing state: the TPM facts of a
-- KMS host (hardware-secured KMS readiness) and the output of each OSLicense cmdlet. One row per machine and
-- kind, overwritten by the newer answer: these are current facts, not history.
CREATE TABLE "machine_report" (
    "machine_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "collected_at" TIMESTAMPTZ(3) NOT NULL,
    "body" JSONB NOT NULL,
    "error" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),

    CONSTRAINT "machine_report_pkey" PRIMARY KEY ("machine_id", "kind")
);

ALTER TABLE "machine_report" ADD CONSTRAINT "machine_report_machine_id_fkey"
    FOREIGN KEY ("machine_id") REFERENCES "machine"("id") ON DELETE CASCADE ON UPDATE CASCADE;
