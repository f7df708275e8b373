// Settings: the administration pages. Viewers see the links too; each page explains that it is for admins.
import Link from "next/link";
import { currentUser } from "@/lib/access/auth/session";

const pages = [
  {
    href: "/settings/agents",
    title: "Agents",
    text: "Enrolled agents and their tokens (revoke, rotate), and the enroll secrets agents use (rotate with an overlap).",
  },
  { href: "/settings/users", title: "Users", text: "Who can sign in: create users, change roles, reset passwords, delete." },
  {
    href: "/settings/intended-channels",
    title: "Intended channels",
    text: "MAK, retail or OEM keys used on purpose (all machines or a group): no GVLK advice, a finding only when their activation fails.",
  },
  { href: "/settings/audit-log", title: "Audit log", text: "Every change made through the dashboard, with who made it and when." },
];

export default async function SettingsPage() {
  const user = await currentUser();
  return (
    <>
      <h1>Settings</h1>
      {user?.role !== "admin" && (
        <p className="card">
          <span className="badge warning">administrators only</span> You are signed in as a viewer: these pages need an administrator.
        </p>
      )}
      <div className="grid">
        {pages.map((page) => (
          <Link key={page.href} href={page.href} className="card">
            <h2>{page.title}</h2>
            <p className="muted">{page.text}</p>
          </Link>
        ))}
      </div>
    </>
  );
}
