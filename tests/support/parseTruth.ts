// The truth table of /parse: a pasted artifact (in any language, from a forum, damaged) -> the finding that must come
// first, words its cause and fix must and must not contain, and the fields that must have been read by their shape.
// Read by lib/evaluate/facts/factsFromArtifact.test.ts (the pure path) and tests/integration/truth-table.test.ts
// (the same rows through POST /api/v1/parse).
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ParseRequest } from "../../lib/kms/protocol";
import { LOCAL_FIXTURES, SHARED_FIXTURES } from "./fixtures";
import type { Expect } from "./truthTable";

const shared = (...p: string[]) => readFileSync(path.join(SHARED_FIXTURES, ...p), "utf8");
const local = (...p: string[]) => readFileSync(path.join(LOCAL_FIXTURES, ...p), "utf8");

export type ParseRow = {
  situation: string;
  request: () => ParseRequest;
  expect: Expect & { readByShape?: string[] };
};

/** `slmgr /ato`'s error line as people paste it under their /dlv. */
const atoError = (code: string) =>
  `\nC:\\>cscript slmgr.vbs /ato\nError: ${code} On a computer running Microsoft Windows non-core edition, run 'slui.exe 0x2a ${code}' to display the error text.\n`;

/** A /dlv in a language kmswatch has no labels for (German): only the shapes can be read. */
const germanDlv = (code: string) =>
  [
    "Name: Windows(R), Enterprise edition",
    "Beschreibung: Windows(R) Operating System-Kanal",
    "Aktivierungs-ID: 73111121-5638-40f6-bc11-f1d7b0d64300",
    "Anwendungs-ID: 55c92734-d682-4d71-983e-d6ec3f16059f",
    "Teil-Produktschlüssel: 2YT43",
    "Lizenzstatus: Benachrichtigung",
    "Clientcomputer-ID (CMID): 2d3e4f50-6172-4839-a4b5-c6d7e8f90a1b",
    "Registrierter KMS-Computername: kms01.corp.contoso.com:1688",
    `Fehler: ${code}`,
  ].join("\r\n");

export const parseTruth: ParseRow[] = [
  {
    situation: "/dlv of a client in grace with the /ato error 0xC004F038 pasted below it",
    request: () => ({ type: "dlv", text: shared("dlv", "client-kms-initial-grace-unreachable.en-US.txt") + atoError("0xC004F038") }),
    expect: {
      first: "client-refused-low-count",
      hresult: "0xC004F038",
      fixHas: ["Raise the count", "retries every 2 hours"],
      lacks: ["CSVLK", "0xC004F041"],
      readByShape: ["hresult"],
    },
  },
  {
    situation: "French /dlv in grace, 0xC004F042 from /ato under a French 'Erreur' label",
    request: () => ({
      type: "dlv",
      text: `${shared("dlv", "client-kms-licensed-dns.fr-FR.INFERRED-LABELS.txt")
        .replace("État de la licence : Avec licence", "État de la licence : Période de grâce initiale")
        .replace(/Expiration de l’activation en volume : .*/, "Temps restant : 20000 minute(s) (13 jour(s))")}\nErreur : 0xC004F042\n`,
    }),
    expect: {
      first: "client-host-key-unsupported",
      causeHas: ["kms-par01.fr.contoso.com"],
      fixHas: ["CSVLK", "slmgr.vbs /ipk"],
      lacks: ["Raise the count"],
      readByShape: ["hresult"],
    },
  },
  {
    situation: "/dlv in a language without labels (German): CMID, key, host and error read by shape",
    request: () => ({ type: "dlv", text: germanDlv("0xC004F041") }),
    expect: {
      first: "client-host-not-activated",
      causeHas: ["kms01.corp.contoso.com"],
      fixHas: ["Activate the KMS host", "slmgr.vbs /ato"],
      readByShape: ["cmid", "hresult", "partialProductKey", "kmsHost"],
    },
  },
  {
    situation: "12289 event text (flattened forum copy): the host answered count 3, not activated",
    request: () => ({ type: "eventText", text: local("events", "client-12289-failure.flattened-copy.txt") }),
    expect: { first: "client-refused-low-count", causeHas: ["count 3"], fixHas: ["Raise the count"], lacks: ["CSVLK"] },
  },
  {
    // Two machines in one post: the client's request with no answer in the paste, and the host's 12293.
    situation: "forum post (markdown quotes, <br>): a request without answer, and the host's DNS publishing failing",
    request: () => ({ type: "eventText", text: local("events", "branch-forum-post.md") }),
    expect: { first: "client-host-unreachable", after: ["host-dns-publish-failed"], causeHas: ["kms-br2.branch.contoso.com"] },
  },
  {
    situation: "12289 event text in French (labels and message unknown): read by the shape of its data",
    request: () => ({
      type: "eventText",
      text: [
        "Nom du journal : Application",
        "Source : Microsoft-Windows-Security-SPP",
        "Date : 13/05/2024 12:02:31",
        "ID de l’événement : 12289",
        "Ordinateur : WS-BR2-0003.branch.contoso.com",
        "Description :",
        "Le client a traité une réponse d’activation provenant de l’ordinateur de service de gestion de clés.",
        "Infos :",
        "0x00000000, 0x04000008, 0, 0, 3, 120, 10080, 2024/05/13 12:02",
      ].join("\r\n"),
    }),
    expect: { first: "client-refused-low-count", causeHas: ["count 3"], fixHas: ["Raise the count"], readByShape: ["eventId", "computer"] },
  },
  {
    situation: "healthy French /dlv: nothing wrong",
    request: () => ({ type: "dlv", text: shared("dlv", "client-kms-licensed-dns.fr-FR.INFERRED-LABELS.txt") }),
    expect: { first: null },
  },
  {
    situation: "KMS host /dlv in Notification (0xC004F009): the host is not activated",
    request: () => ({ type: "dlv", text: shared("dlv", "kms-host-notification.en-US.txt") }),
    expect: { first: "host-not-licensed", fixHas: ["slmgr.vbs /ato"] },
  },
];
