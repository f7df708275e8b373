// Every dashboard page requires a signed-in user; anonymous visitors go to /login?next=<the page>.
import type { ReactNode } from "react";
import { cookies } from "next/headers";
import { currentUser } from "@/lib/access/auth/session";
import { THEME_COOKIE, themeFromCookie } from "@/lib/present/theme/theme";
import { Providers } from "@/app/providers";
import { NavBar } from "@/app/_components/NavBar";
import { RedirectToLogin } from "@/app/_components/RedirectToLogin";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) return <RedirectToLogin />;
  const theme = themeFromCookie((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <Providers>
      <NavBar user={{ email: user.email, role: user.role }} theme={theme} />
      <main className="page">{children}</main>
    </Providers>
  );
}
