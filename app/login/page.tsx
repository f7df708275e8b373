"use client";
// Sign-in form: posts to /api/auth/sign-in, then goes back where the user was headed.
import { useState, type FormEvent } from "react";
import { fetchJson, FetchError } from "@/lib/client/fetchJson";

export default function LoginPage() {
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
      const next = new URLSearchParams(window.location.search).get("next");
      window.location.assign(next?.startsWith("/") && !next.startsWith("//") ? next : "/");
    } catch (caught) {
      setError(caught instanceof FetchError ? caught.message : "sign-in failed");
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <h1>kmswatch</h1>
      <p className="muted">Windows KMS activation across your fleet</p>
      <form onSubmit={submit} className="card">
        <label>
          E-mail
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
      <p className="muted small">
        No account yet? An administrator creates one with <code>npm run user:create -- --email you@example.com --password …</code>
      </p>
    </main>
  );
}
