// Every dashboard page requires a signed-in user; anonymous visitors go to /login.
import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/access/auth/session";
import { Providers } from "@/app/providers";
import { NavBar } from "@/app/_components/NavBar";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/login");
  return (
    <Providers>
      <NavBar user={{ email: user.email, role: user.role }} />
      <main className="page">{children}</main>
    </Providers>
  );
}
