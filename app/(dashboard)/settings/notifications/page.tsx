"use client";
// Notification settings (admins): channels alerts are sent to, and the log of every delivery attempt.
import Link from "next/link";
import { useMeQuery } from "@/lib/client/useMeQuery";
import { ChannelForm } from "@/app/_components/alerts/ChannelForm";
import { ChannelTable } from "@/app/_components/alerts/ChannelTable";
import { DeliveryLog } from "@/app/_components/alerts/DeliveryLog";
import { Loading } from "@/app/_components/clients/QueryState";

export default function NotificationSettingsPage() {
  const me = useMeQuery();
  return (
    <>
      <h1>Notifications</h1>
      <p className="muted">
        Every change of an <Link href="/alerts">alert</Link> (opened, reopened, escalated, resolved) is sent to each enabled channel.
        Changes that happen together — a cloned image raising 40 alerts at once — go out as one message. Failed deliveries are retried with
        growing delays (30 s, 1 min, 2 min… up to 6 attempts). Webhooks carry{" "}
        <code>X-Kmswatch-Signature: sha256=&lt;HMAC-SHA256 of the body with the channel secret&gt;</code>.
      </p>
      {me.isPending ? (
        <Loading what="your account" />
      ) : me.data?.user.role !== "admin" ? (
        <p className="card">Only administrators can see and change notification channels.</p>
      ) : (
        <>
          <section className="card">
            <h2>Channels</h2>
            <ChannelTable />
          </section>
          <section className="card">
            <h2>Add a channel</h2>
            <ChannelForm />
          </section>
          <section className="card">
            <h2>Delivery log</h2>
            <DeliveryLog />
          </section>
        </>
      )}
    </>
  );
}
