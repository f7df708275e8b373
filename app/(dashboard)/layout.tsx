// Every dashboard page requires a signed-in user; anonymous visitors go to /login?next=<the page>.
import type { ReactNode } from "react";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/access/auth/session";
import { THEME_COOKIE, themeFromCookie } from "@/lib/present/theme/theme";
import { Providers } from "@/app/providers";
import { NavBar } from "@/app/_components/NavBar";
import { loginHref, REQUEST_PATH_HEADER } from "@/lib/present/navigation/safeNextPath";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  // A server redirect (307), carrying the page asked for: proxy.ts passes its path, which a layout cannot see.
  if (!user) redirect(loginHref((await headers()).get(REQUEST_PATH_HEADER) ?? "/"));
  const theme = themeFromCookie((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <Providers>
      <NavBar user={{ email: user.email, role: user.role }} theme={theme} />
      <main className="page">{children}</main>
    </Providers>
  );
}
