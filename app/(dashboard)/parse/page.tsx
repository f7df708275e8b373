"use client";
import { useTranslations } from "next-intl";
// "Paste what you see": parse a /dlv output or a 12288/12289 event on the server and show what it means.
import type { ParseResponse } from "@/lib/kms/protocol";
import { useParseMutation } from "@/lib/client/useParseMutation";
import { FetchError } from "@/lib/client/fetchJson";
import { ParseForm } from "@/app/_components/clients/ParseForm";
import { ParsedFieldsTable } from "@/app/_components/clients/ParsedFieldsTable";
import { ParseReportLists } from "@/app/_components/clients/ParseReportLists";
import { InlineError } from "@/app/_components/clients/QueryState";
import { FindingList } from "@/app/_components/FindingList";
import { PageShell } from "@/app/_components/PageShell";

/** What this paste alone shows is wrong, per machine it names, with the same rules as the fleet's pages. */
function Findings({ result }: { result: ParseResponse }) {
  const subjects = [...new Set(result.findings.map((f) => f.subject.fqdn))];
  return (
    <section className="card">
      <h2>What this shows</h2>
      {result.readByShape.length > 0 && (
        <p className="muted small">
          Read by shape (label not recognized): {result.readByShape.join("; ")}. Check these values against the paste.
        </p>
      )}
      {subjects.length === 0 ? (
        <p className="muted">Nothing wrong that this paste alone can show (a fleet-wide cause such as cloned CMIDs needs the agent).</p>
      ) : (
        subjects.map((fqdn) => (
          <div key={fqdn}>
            {subjects.length > 1 && <h3>{fqdn}</h3>}
            <FindingList findings={result.findings.filter((f) => f.subject.fqdn === fqdn)} showSubject={false} />
          </div>
        ))
      )}
    </section>
  );
}

function Result({ result }: { result: ParseResponse }) {
  if ("products" in result) {
    return (
      <section className="card">
        <h2>{result.products.length} product(s)</h2>
        <ParsedFieldsTable items={result.products} headings={result.products.map((p, i) => p.name ?? `Product ${i + 1}`)} />
      </section>
    );
  }
  return (
    <section className="card">
      <h2>{result.events.length} event(s)</h2>
      <ParsedFieldsTable
        items={result.events}
        headings={result.events.map((e) => `${e.eventId}${e.timeCreated ? ` · ${e.timeCreated}` : ""}`)}
      />
    </section>
  );
}

export default function ParsePage() {
  const t = useTranslations("parse");
  const parse = useParseMutation();
  const unparseable = parse.error instanceof FetchError && parse.error.code === "unparseable";
  return (
    <PageShell title={t("title")} intro={t("intro")}>
      <ParseForm pending={parse.isPending} onParse={(request) => parse.mutate(request)} />
      {parse.isError && (
        <div className="card">
          <InlineError error={parse.error} />
          {unparseable && <p className="muted small">{t("unparseable")}</p>}
        </div>
      )}
      {parse.isSuccess && (
        <>
          <Findings result={parse.data} />
          <Result result={parse.data} />
          <ParseReportLists result={parse.data} />
        </>
      )}
    </PageShell>
  );
}
