// next-intl: message keys and locales type-checked against the English catalogue.
import type en from "@/lib/core/i18n/messages/en.json";
import type { Locale } from "./locale";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}
