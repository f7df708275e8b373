"use client";
// Intended channels (admins): MAK, retail or OEM keys used on purpose, for all machines or a group; those machines
// get no "install the GVLK" advice, only a finding when their own activation fails (README, "Intended channels").
import { useState, type FormEvent } from "react";
import { useMeQuery } from "@/lib/client/useMeQuery";
import { useIntendedChannelMutation, useIntendedChannelsQuery } from "@/lib/client/useIntendedChannels";
import { intendedChannelKinds, type IntendedChannelKind } from "@/lib/kms/intendedChannels";
import { Loading } from "@/app/_components/clients/QueryState";

function IntendedChannelsCard() {
  const list = useIntendedChannelsQuery();
  const mutation = useIntendedChannelMutation();
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
        <h2>Intended channels</h2>
        {list.isPending ? (
          <Loading what="intended channels" />
        ) : list.data?.entries.length ? (
          <table>
            <thead>
              <tr>
                <th>Intent</th>
                <th>Note</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.data.entries.map((e) => (
                <tr key={e.id}>
                  <td>{e.description}</td>
                  <td>{e.note ?? ""}</td>
                  <td>
                    <button type="button" onClick={() => mutation.mutate({ op: "remove", id: e.id })} disabled={mutation.isPending}>
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">No channel is marked as intended: every machine without a KMS client key (GVLK) is told to install one.</p>
        )}
      </section>
      <section className="card">
        <h2>Mark a channel as intended</h2>
        <form className="toolbar" onSubmit={submit}>
          <label>
            Channel{" "}
            <select value={channel} onChange={(e) => setChannel(e.target.value as IntendedChannelKind)}>
              {intendedChannelKinds.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
          <label>
            Machine names (optional){" "}
            <input value={machinePattern} onChange={(e) => setPattern(e.target.value)} placeholder="LT-*" maxLength={100} />
          </label>
          <label>
            Domain (optional){" "}
            <input value={domain} onChange={(e) => setDomain(e.target.value)} placeholder="sales.contoso.com" maxLength={255} />
          </label>
          <label>
            Note{" "}
            <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} placeholder="laptops rarely on the network" />
          </label>
          <button type="submit" disabled={mutation.isPending}>
            Add
          </button>
        </form>
        {mutation.error && <p className="badge critical">{mutation.error.message}</p>}
      </section>
    </>
  );
}

export default function IntendedChannelsPage() {
  const me = useMeQuery();
  return (
    <>
      <h1>Intended channels</h1>
      <p className="muted">
        Some machines activate with a MAK, a retail or an OEM key on purpose (laptops rarely on the network). Mark that channel as intended
        — for every machine, or only for machine names matching a pattern (<code>*</code> and <code>?</code>) and/or a DNS domain — and
        those machines no longer get “install the KMS client key (GVLK)” advice. They get a finding only when their own activation fails:
        the MAK has no activations left (0xC004C008), the key is blocked (0xC004C003), or the machine is in grace or unlicensed. Every
        change is in the audit log.
      </p>
      {me.isPending ? (
        <Loading what="your account" />
      ) : me.data?.user.role !== "admin" ? (
        <p className="card">Only administrators can see and change the intended channels.</p>
      ) : (
        <IntendedChannelsCard />
      )}
    </>
  );
}
