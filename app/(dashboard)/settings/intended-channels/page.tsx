"use client";
// Intended channels (admins): MAK, retail or OEM keys used on purpose, for all machines or a group; those machines
// get no "install the GVLK" advice, only a finding when their own activation fails (README, "Intended channels").
import { useTranslations } from "next-intl";
import { useIntendedChannelMutation, useIntendedChannelsQuery } from "@/lib/client/useIntendedChannels";
import { intendedChannelKinds, type IntendedChannelKind } from "@/lib/kms/intendedChannels";
import { Loading } from "@/app/_components/clients/QueryState";
import { ToolbarForm } from "@/app/_components/form/ToolbarForm";
import { useFormFields } from "@/app/_components/form/useFormFields";
import { TableHead } from "@/app/_components/table/TableHead";
import { PageShell } from "@/app/_components/PageShell";
import { AdminOnly } from "@/app/_components/settings/AdminQueryState";

function IntendedChannelsCard() {
  const list = useIntendedChannelsQuery();
  const mutation = useIntendedChannelMutation();
  const t = useTranslations("intendedChannels");
  const form = useFormFields({ channel: "MAK", machinePattern: "", domain: "", note: "" });
  const submit = () => {
    const { channel, machinePattern, domain, note } = form.values;
    const input = {
      channel: channel as IntendedChannelKind,
      machinePattern: machinePattern.trim() || null,
      domain: domain.trim() || null,
      note: note.trim() || null,
    };
    // The channel stays selected for the next entry.
    mutation.mutate({ op: "add", input }, { onSuccess: () => form.set({ machinePattern: "", domain: "", note: "" }) });
  };
  return (
    <>
      <section className="card">
        <h2>{t("title")}</h2>
        {list.isPending ? (
          <Loading what={t("what")} />
        ) : list.data?.entries.length ? (
          <table>
            <TableHead columns={[t("colIntent"), t("colNote"), ""]} />
            <tbody>
              {list.data.entries.map((e) => (
                <tr key={e.id}>
                  <td>
                    {t("entry", {
                      channel: e.channel,
                      who:
                        [
                          e.machinePattern && t("whoMachines", { pattern: e.machinePattern }),
                          e.domain && t("whoDomain", { domain: e.domain }),
                        ]
                          .filter(Boolean)
                          .join(" ") || t("everyMachine"),
                    })}
                  </td>
                  <td>{e.note ?? ""}</td>
                  <td>
                    <button type="button" onClick={() => mutation.mutate({ op: "remove", id: e.id })} disabled={mutation.isPending}>
                      {t("remove")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">{t("none")}</p>
        )}
      </section>
      <section className="card">
        <h2>{t("markTitle")}</h2>
        <ToolbarForm onSubmit={submit} error={mutation.error} done={null}>
          <label>
            {t("channel")}{" "}
            <select {...form.bind("channel")}>
              {intendedChannelKinds.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("machines")} <input {...form.bind("machinePattern")} placeholder="LT-*" maxLength={100} />
          </label>
          <label>
            {t("domain")} <input {...form.bind("domain")} placeholder="sales.contoso.com" maxLength={255} />
          </label>
          <label>
            {t("note")} <input {...form.bind("note")} maxLength={500} placeholder={t("notePlaceholder")} />
          </label>
          <button type="submit" disabled={mutation.isPending}>
            {t("add")}
          </button>
        </ToolbarForm>
      </section>
    </>
  );
}

export default function IntendedChannelsPage() {
  const t = useTranslations("intendedChannels");
  return (
    <PageShell title={t("title")} intro={t.rich("intro", { code: (chunks) => <code>{chunks}</code> })}>
      <AdminOnly account={t("account")} adminsOnly={t("adminsOnly")}>
        <IntendedChannelsCard />
      </AdminOnly>
    </PageShell>
  );
}
