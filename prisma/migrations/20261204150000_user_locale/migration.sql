-- The dashboard language a user chose in the header switcher ('en' or 'fr'); NULL until they choose,
-- and then the browser's Accept-Language decides. Kept per user so every browser they sign in on agrees.
ALTER TABLE app_user ADD COLUMN locale TEXT;
ALTER TABLE app_user ADD CONSTRAINT app_user_locale_check CHECK (locale IN ('en', 'fr'));
