-- CreateTable
CREATE TABLE "probe_result" (
    "id" UUID NOT NULL,
    "machine_id" UUID NOT NULL,
    "checked_at" TIMESTAMPTZ(3) NOT NULL,
    "domain" TEXT,
    "srv_found" BOOLEAN NOT NULL,
    "srv_error" TEXT,
    "srv_records" JSONB NOT NULL,
    "target_host" TEXT,
    "target_port" INTEGER,
    "tcp_ok" BOOLEAN,
    "tcp_error" TEXT,
    "latency_ms" DOUBLE PRECISION,

    CONSTRAINT "probe_result_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "probe_result_machine_id_checked_at_key" ON "probe_result"("machine_id", "checked_at");

-- AddForeignKey
ALTER TABLE "probe_result" ADD CONSTRAINT "probe_result_machine_id_fkey" FOREIGN KEY ("machine_id") REFERENCES "machine"("id") ON DELETE CASCADE ON UPDATE CASCADE;
