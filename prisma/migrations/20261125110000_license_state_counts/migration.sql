-- Machines per current license state, counted as machine_windows_state changes, so the overview reads a few
-- rows instead of counting 100k current states per request. Each change appends a delta row (no counter row
-- for concurrent check-ins to queue or deadlock on); the server folds them together every 30 seconds.
CREATE TABLE "license_state_delta" (
    "id" BIGSERIAL NOT NULL,
    "license_status" TEXT,
    "machines" INTEGER NOT NULL,

    CONSTRAINT "license_state_delta_pkey" PRIMARY KEY ("id")
);

CREATE FUNCTION "license_state_delta_on_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "license_state_delta" ("license_status", "machines")
  SELECT "license_status", count(*) FROM new_rows GROUP BY "license_status";
  RETURN NULL;
END $$;

CREATE FUNCTION "license_state_delta_on_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Most updates keep the state (a new snapshot of a licensed machine): nothing is written then.
  INSERT INTO "license_state_delta" ("license_status", "machines")
  SELECT "license_status", sum("d") FROM (
    SELECT "license_status", 1 AS "d" FROM new_rows UNION ALL SELECT "license_status", -1 FROM old_rows) t
   GROUP BY "license_status" HAVING sum("d") <> 0;
  RETURN NULL;
END $$;

CREATE FUNCTION "license_state_delta_on_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "license_state_delta" ("license_status", "machines")
  SELECT "license_status", -count(*) FROM old_rows GROUP BY "license_status";
  RETURN NULL;
END $$;

CREATE FUNCTION "license_state_delta_on_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "license_state_delta";
  RETURN NULL;
END $$;

CREATE TRIGGER "machine_windows_state_count_insert" AFTER INSERT ON "machine_windows_state"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "license_state_delta_on_insert"();
CREATE TRIGGER "machine_windows_state_count_update" AFTER UPDATE ON "machine_windows_state"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "license_state_delta_on_update"();
CREATE TRIGGER "machine_windows_state_count_delete" AFTER DELETE ON "machine_windows_state"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "license_state_delta_on_delete"();
CREATE TRIGGER "machine_windows_state_count_truncate" AFTER TRUNCATE ON "machine_windows_state"
  FOR EACH STATEMENT EXECUTE FUNCTION "license_state_delta_on_truncate"();

-- The states already there (same transaction as the triggers, so no change falls between the two).
INSERT INTO "license_state_delta" ("license_status", "machines")
SELECT "license_status", count(*) FROM "machine_windows_state" GROUP BY "license_status";
