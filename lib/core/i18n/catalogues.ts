// The message catalogues, one per language, defined before every stage that speaks: the dashboard (next-intl), and
// the evaluation's findings, notifications and exports, which render the same messages outside React.
import type { Locale } from "../locales";
import en from "./messages/en.json";
import fr from "./messages/fr.json";

export type Messages = typeof en;

export const CATALOGUES: Record<Locale, Messages> = { en, fr };
