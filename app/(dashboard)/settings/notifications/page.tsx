"use client";
import { useTranslations } from "next-intl";
// Notification settings (admins): channels alerts are sent to, and the log of every delivery attempt.
import Link from "next/link";
import { ChannelForm } from "@/app/_components/alerts/ChannelForm";
import { ChannelTable } from "@/app/_components/alerts/ChannelTable";
import { DeliveryLog } from "@/app/_components/alerts/DeliveryLog";
import { AdminOnly } from "@/app/_components/settings/AdminQueryState";
import { Card } from "@/app/_components/Card";
import { PageShell } from "@/app/_components/PageShell";

export default function NotificationSettingsPage() {
  const t = useTranslations("notifications");
  return (
    <PageShell title={t("title")} intro={t.rich("intro", { link: (c) => <Link href="/alerts">{c}</Link>, code: (c) => <code>{c}</code> })}>
      <AdminOnly account={t("account")} adminsOnly={t("adminsOnly")}>
        <Card title={t("channels")}>
          <ChannelTable />
        </Card>
        <Card title={t("addChannel")}>
          <ChannelForm />
        </Card>
        <Card title={t("deliveryLog")}>
          <DeliveryLog />
        </Card>
      </AdminOnly>
    </PageShell>
  );
}
