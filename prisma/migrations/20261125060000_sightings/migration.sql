-- CreateTable
CREATE TABLE "cmid_sighting" (
    "cmid" TEXT NOT NULL,
    "machine" TEXT NOT NULL,
    "kms_host" TEXT NOT NULL DEFAULT '',
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cmid_sighting_pkey" PRIMARY KEY ("cmid","machine","kms_host")
);

-- CreateTable
CREATE TABLE "kms_host_sighting" (
    "host" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "client" TEXT NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "kms_host_sighting_pkey" PRIMARY KEY ("host","source","client")
);
