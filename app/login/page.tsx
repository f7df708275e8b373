"use client";
// Sign-in form: posts to /api/auth/sign-in, then goes to the page the user was headed for (same-site paths only).
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { fetchJson, FetchError } from "@/lib/client/fetchJson";
import { safeNextPath } from "@/lib/present/navigation/safeNextPath";
import { LanguageSwitcher } from "@/app/_components/PreferenceSwitchers";

export default function LoginPage() {
  const t = useTranslations("login");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await fetchJson("/api/auth/sign-in", {
        method: "POST",
        body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
      });
      window.location.assign(safeNextPath(new URLSearchParams(window.location.search).get("next")));
    } catch (caught) {
      // The API's 401 says "wrong e-mail or password" in English; the page says it in the user's language.
      setError(
        caught instanceof FetchError && caught.status === 401
          ? t("wrongPassword")
          : caught instanceof FetchError
            ? caught.message
            : t("failed"),
      );
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <div className="loginHead">
        <h1>kmswatch</h1>
        <LanguageSwitcher signedIn={false} />
      </div>
      <p className="muted">{t("tagline")}</p>
      <form onSubmit={submit} className="card">
        <label>
          {t("email")}
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          {t("password")}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? t("signingIn") : t("signIn")}
        </button>
      </form>
      <p className="muted small">{t.rich("noAccount", { code: (chunks) => <code>{chunks}</code> })}</p>
    </main>
  );
}
