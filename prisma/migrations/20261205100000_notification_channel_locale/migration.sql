-- The language a notification channel's messages are written in (issue #18): 'en' or 'fr', English for
-- the channels that existed before.
ALTER TABLE "notification_channel" ADD COLUMN "locale" TEXT NOT NULL DEFAULT 'en';
ALTER TABLE "notification_channel" ADD CONSTRAINT "notification_channel_locale_check" CHECK ("locale" IN ('en', 'fr'));
