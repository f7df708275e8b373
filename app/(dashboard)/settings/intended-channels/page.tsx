"use client";
// Intended channels (admins): MAK, retail or OEM keys used on purpose, for all machines or a group; those machines
// get no "install the GVLK" advice, only a finding when their own activation fails (README, "Intended channels").
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { useMeQuery } from "@/lib/client/useMeQuery";
import { useIntendedChannelMutation, useIntendedChannelsQuery } from "@/lib/client/useIntendedChannels";
import { intendedChannelKinds, type IntendedChannelKind } from "@/lib/kms/intendedChannels";
import { InlineError, Loading } from "@/app/_components/clients/QueryState";
import { TableHead } from "@/app/_components/table/TableHead";

function IntendedChannelsCard() {
  const list = useIntendedChannelsQuery();
  const mutation = useIntendedChannelMutation();
  const t = useTranslations("intendedChannels");
  const [channel, setChannel] = useState<IntendedChannelKind>("MAK");
  const [machinePattern, setPattern] = useState("");
  const [domain, setDomain] = useState("");
  const [note, setNote] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { channel, machinePattern: machinePattern.trim() || null, domain: domain.trim() || null, note: note.trim() || null };
    mutation.mutate(
      { op: "add", input },
      {
        onSuccess: () => {
          setPattern("");
          setDomain("");
          setNote("");
        },
      },
    );
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
        <form className="toolbar" onSubmit={submit}>
          <label>
            {t("channel")}{" "}
            <select value={channel} onChange={(e) => setChannel(e.target.value as IntendedChannelKind)}>
              {intendedChannelKinds.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("machines")} <input value={machinePattern} onChange={(e) => setPattern(e.target.value)} placeholder="LT-*" maxLength={100} />
          </label>
          <label>
            {t("domain")}{" "}
            <input value={domain} onChange={(e) => setDomain(e.target.value)} placeholder="sales.contoso.com" maxLength={255} />
          </label>
          <label>
            {t("note")} <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} placeholder={t("notePlaceholder")} />
          </label>
          <button type="submit" disabled={mutation.isPending}>
            {t("add")}
          </button>
        </form>
        <InlineError error={mutation.error} />
      </section>
    </>
  );
}

export default function IntendedChannelsPage() {
  const me = useMeQuery();
  const t = useTranslations("intendedChannels");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t.rich("intro", { code: (chunks) => <code>{chunks}</code> })}</p>
      {me.isPending ? (
        <Loading what={t("account")} />
      ) : me.data?.user.role !== "admin" ? (
        <p className="card">{t("adminsOnly")}</p>
      ) : (
        <IntendedChannelsCard />
      )}
    </>
  );
}
