-- Activation channels an admin marked as intended (MAK by intent, issue 14): a machine whose key is of this
-- channel, and whose name / domain match when given, gets no "install the GVLK" advice (lib/kms/intendedChannels.ts).
CREATE TABLE "intended_channel" (
    "id" UUID NOT NULL,
    "channel" TEXT NOT NULL,
    "machine_pattern" TEXT,
    "domain" TEXT,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_id" UUID,

    CONSTRAINT "intended_channel_pkey" PRIMARY KEY ("id")
);

ALTER TABLE "intended_channel" ADD CONSTRAINT "intended_channel_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
