-- The new columns of the current states already there, from the snapshot each one points to.
UPDATE "machine_windows_state" ws
   SET "product_key_channel" = s."product_key_channel", "grace_remaining_min" = s."grace_remaining_min",
       "expires_at" = s."expires_at", "notification_reason" = s."notification_reason", "kms_port" = s."kms_port"
  FROM "snapshot" s
 WHERE s."id" = ws."snapshot_id";
