"use client";
// A signed-out visit: go to the sign-in page carrying the page asked for (?next=), so a link from a
// notification lands on its client or host after signing in. Runs in the browser because a layout
// does not know the URL it renders for (and kmswatch runs no middleware).
import { useEffect } from "react";
import { loginHref } from "@/lib/present/navigation/safeNextPath";

export function RedirectToLogin() {
  useEffect(() => {
    window.location.replace(loginHref(`${window.location.pathname}${window.location.search}${window.location.hash}`));
  }, []);
  return (
    <main className="login">
      <p>
        <a href="/login">kmswatch</a>
      </p>
    </main>
  );
}
