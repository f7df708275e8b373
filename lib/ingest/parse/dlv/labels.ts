// Label table for `slmgr.vbs /dlv` and `/dli` (en-US verbatim from slmgr.vbs, fr-FR = inferred guesses).
// Labels are looked up by a folded key so that case, spacing, apostrophe style and lost accents do not matter.

export type LabelId =
  | "serviceVersion"
  | "name"
  | "description"
  | "activationId"
  | "applicationId"
  | "extendedPid"
  | "productKeyChannel"
  | "installationId"
  | "url"
  | "partialProductKey"
  | "licenseStatus"
  | "graceRemaining"
  | "notificationReason"
  | "evaluationEndDate"
  | "windowsRearm"
  | "skuRearm"
  | "appRearm"
  | "trustedTime"
  | "activationType"
  | "cmid"
  | "lookupDomain"
  | "kmsRegistered"
  | "kmsFromDns"
  | "kmsDnsUnavailable"
  | "kmsIp"
  | "kmsEpid"
  | "activationInterval"
  | "renewalInterval"
  | "currentCount"
  | "listeningPort"
  | "kmsPriority"
  | "totalRequests"
  | "failedRequests"
  | "reqUnlicensed"
  | "reqLicensed"
  | "reqInitialGrace"
  | "reqExpiredOrOot"
  | "reqNonGenuine"
  | "reqNotification"
  | "skmsWarning"
  | "aoName"
  | "hwSecuredEligible"
  | "hwSecuredNotEligible"
  | "info"
  // whole-line flags (no value)
  | "hostCachingOn"
  | "hostCachingOff"
  | "dnsPublishingOn"
  | "dnsPublishingOff"
  | "kmsEnabled";

export type LabelDef = {
  id: LabelId;
  /** English label reported in `recognized`. */
  canonical: string;
  /** "value" = `Label: value`; "line" = the whole line is the label. */
  kind: "value" | "line";
  en: readonly string[];
  fr: readonly string[];
};

const v = (id: LabelId, en: readonly [string, ...string[]], fr: readonly string[] = []): LabelDef => ({
  id,
  canonical: en[0],
  kind: "value",
  en,
  fr,
});
const line = (id: LabelId, en: readonly [string, ...string[]], fr: readonly string[] = []): LabelDef => ({
  id,
  canonical: en[0],
  kind: "line",
  en,
  fr,
});

const REQ = "Requests with License Status ";
const DEM = "Demandes avec l'état de licence ";

export const LABELS: readonly LabelDef[] = [
  v("serviceVersion", ["Software licensing service version"], ["Version du service de gestion des licences logicielles"]),
  v("name", ["Name"], ["Nom"]),
  v("description", ["Description"]),
  v("activationId", ["Activation ID"], ["ID d'activation"]),
  v("applicationId", ["Application ID"], ["ID d'application"]),
  v("extendedPid", ["Extended PID"], ["PID étendu"]),
  v("productKeyChannel", ["Product Key Channel"], ["Canal de la clé de produit"]),
  v("installationId", ["Installation ID"], ["ID d'installation"]),
  v("url", ["Use License URL"], ["URL de la licence d'utilisation"]),
  v("url", ["Validation URL"], ["URL de validation"]),
  v("url", ["Processor Certificate URL"], ["URL du certificat de processeur"]),
  v("url", ["Machine Certificate URL"], ["URL du certificat de l'ordinateur"]),
  v("url", ["Product Key Certificate URL"], ["URL du certificat de clé de produit"]),
  v("partialProductKey", ["Partial Product Key"], ["Clé de produit partielle"]),
  v("licenseStatus", ["License Status"], ["État de la licence"]),
  v("graceRemaining", ["Volume activation expiration"], ["Expiration de l'activation en volume"]),
  v("graceRemaining", ["Timebased activation expiration"], ["Expiration de l'activation basée sur le temps"]),
  v("graceRemaining", ["Automatic VM activation expiration"], ["Expiration de l'activation automatique des ordinateurs virtuels"]),
  v("graceRemaining", ["Time remaining"], ["Temps restant"]),
  v("notificationReason", ["Notification Reason"], ["Raison de la notification", "Motif de la notification"]),
  v("evaluationEndDate", ["Evaluation End Date"], ["Date de fin d'évaluation"]),
  v("windowsRearm", ["Remaining Windows rearm count"], ["Nombre de réarmements Windows restants"]),
  v("skuRearm", ["Remaining SKU rearm count"], ["Nombre de réarmements de la référence SKU restants"]),
  v("appRearm", ["Remaining App rearm count"], ["Nombre de réarmements d'application restants"]),
  v("trustedTime", ["Trusted time"], ["Heure approuvée"]),
  v("activationType", ["Configured Activation Type"], ["Type d'activation configuré"]),
  v("info", ["Most recent activation information"], ["Informations sur l'activation la plus récente"]),
  v("cmid", ["Client Machine ID (CMID)", "Client Machine ID"], ["ID de l'ordinateur client (CMID)"]),
  v("lookupDomain", ["Registered KMS SRV record lookup domain"], ["Domaine de recherche d'enregistrement SRV KMS inscrit"]),
  v("kmsRegistered", ["Registered KMS machine name"], ["Nom d'ordinateur KMS inscrit", "Nom de l'ordinateur KMS inscrit"]),
  v("kmsFromDns", ["KMS machine name from DNS"], ["Nom d'ordinateur KMS à partir de DNS"]),
  v("kmsDnsUnavailable", ["DNS auto-discovery"], ["Découverte automatique DNS"]),
  v("kmsIp", ["KMS machine IP address"], ["Adresse IP de l'ordinateur KMS"]),
  v("kmsEpid", ["KMS machine extended PID"], ["PID étendu de l'ordinateur KMS"]),
  v("activationInterval", ["Activation interval"], ["Intervalle d'activation"]),
  v("renewalInterval", ["Renewal interval"], ["Intervalle de renouvellement"]),
  v("currentCount", ["Current count"], ["Décompte actuel"]),
  v("listeningPort", ["Listening on Port"], ["Écoute sur le port"]),
  v("kmsPriority", ["KMS priority"], ["Priorité KMS"]),
  v("totalRequests", ["Total requests received"], ["Nombre total de demandes reçues"]),
  v("failedRequests", ["Failed requests received"], ["Demandes ayant échoué reçues"]),
  v("reqUnlicensed", [`${REQ}Unlicensed`], [`${DEM}Sans licence`]),
  v("reqLicensed", [`${REQ}Licensed`], [`${DEM}Avec licence`]),
  v("reqInitialGrace", [`${REQ}Initial grace period`], [`${DEM}Période de grâce initiale`]),
  v("reqExpiredOrOot", [`${REQ}License expired or Hardware out of tolerance`], [`${DEM}Licence expirée ou matériel hors tolérance`]),
  v("reqNonGenuine", [`${REQ}Non-genuine grace period`], [`${DEM}Période de grâce non authentique`]),
  v("reqNotification", [`${REQ}Notification`], [`${DEM}Notification`]),
  v("skmsWarning", ["Warning"], ["Avertissement"]),
  // AD-based and AVMA blocks: recognized so they do not pollute `unrecognized`, but not mapped.
  v("aoName", ["Activation Object name"]),
  v("info", ["AO DN"]),
  v("info", ["AO extended PID"]),
  v("info", ["AO activation ID"]),
  v("info", ["Guest IAID"]),
  v("info", ["Host machine name"]),
  v("info", ["Activation time"]),
  v("info", ["Host Digital PID2"]),
  line("info", ["Key Management Service client information"], ["Informations sur le client du service de gestion de clés"]),
  line(
    "info",
    ["Key Management Service cumulative requests received from clients"],
    ["Demandes cumulées reçues des clients par le service de gestion de clés"],
  ),
  line("info", ["AD Activation client information"]),
  line("info", ["Please use slmgr.vbs /ato to activate and update KMS client information in order to update values."]),
  // Hardware-secured KMS readiness (Windows Server 2025 with the 2026-08 update; kms-hardware-secured.md).
  line("hwSecuredEligible", ["This device is eligible to serve as a KMS host with hardware-based security."]),
  line("hwSecuredNotEligible", [
    "This device doesn't meet the requirements for using a KMS host with hardware-based security.",
    "This device does not meet the requirements for using a KMS host with hardware-based security.",
  ]),
  line("hostCachingOn", ["KMS host caching is enabled"], ["La mise en cache de l'hôte KMS est activée"]),
  line("hostCachingOff", ["KMS host caching is disabled"], ["La mise en cache de l'hôte KMS est désactivée"]),
  line("dnsPublishingOn", ["DNS publishing enabled"], ["Publication DNS activée"]),
  line("dnsPublishingOff", ["DNS publishing disabled"], ["Publication DNS désactivée"]),
  line(
    "kmsEnabled",
    ["Key Management Service is enabled on this machine"],
    ["Le service de gestion de clés est activé sur cet ordinateur"],
  ),
];

/** Folds case, accents, punctuation and spaces: "ID d’Activation " -> "idactivation". */
export function foldKey(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/**
 * Drops every non-ASCII letter entirely, so "État", "?tat", "\uFFFDtat" and a cp850 byte read
 * as latin1 all give "tat": the only way to match a French label whose accents were mangled.
 */
export function skeletonKey(s: string): string {
  return s
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

type Entry = { def: LabelDef; french: boolean };
type Maps = { full: Map<string, Entry>; skeleton: Map<string, Entry | null> };

function buildMaps(kind: LabelDef["kind"]): Maps {
  const full = new Map<string, Entry>();
  const skeleton = new Map<string, Entry | null>();
  for (const def of LABELS) {
    if (def.kind !== kind) continue;
    for (const en of def.en) full.set(foldKey(en), { def, french: false });
    for (const fr of def.fr) {
      const key = foldKey(fr);
      if (!full.has(key)) full.set(key, { def, french: true });
      const sk = skeletonKey(fr);
      // Two labels sharing a skeleton would be ambiguous: refuse both rather than guess.
      skeleton.set(sk, skeleton.has(sk) ? null : { def, french: true });
    }
  }
  return { full, skeleton };
}

const VALUE_MAPS = buildMaps("value");
const LINE_MAPS = buildMaps("line");

const ASCII = /^[\x00-\x7f]*$/;

function lookup(maps: Maps, s: string): Entry | null {
  // Fast path for the common case: for ASCII text both keys are equal and need no Unicode normalization.
  if (ASCII.test(s)) {
    const key = s.toLowerCase().replace(/[^a-z0-9]/g, "");
    return maps.full.get(key) ?? maps.skeleton.get(key) ?? null;
  }
  const hit = maps.full.get(foldKey(s));
  if (hit) return hit;
  return maps.skeleton.get(skeletonKey(s)) ?? null;
}

export type Classified = { def: LabelDef; value: string; french: boolean };

/** Longest label we know is ~90 chars; anything longer cannot be one, so skip the folding work. */
const MAX_LABEL_CHARS = 160;
// Margin: a mangled French line can lose a few accented letters.
const MIN_LINE_LABEL_CHARS =
  -4 + Math.min(...LABELS.filter((d) => d.kind === "line").flatMap((d) => [...d.en, ...d.fr].map((l) => l.length)));

/** Recognizes one cleaned, trimmed line; null when it is not a /dlv line. */
export function classifyLine(text: string): Classified | null {
  if (text.length === 0) return null;
  const colon = text.indexOf(":");
  // Without a colon only whole-line labels remain, and the shortest is 20+ characters.
  if (colon < 0 && text.length < MIN_LINE_LABEL_CHARS) return null;
  if (text.length <= MAX_LABEL_CHARS + 40) {
    const whole = lookup(LINE_MAPS, text);
    if (whole) return { def: whole.def, value: "", french: whole.french };
  }
  if (colon <= 0 || colon > MAX_LABEL_CHARS) return null;
  const hit = lookup(VALUE_MAPS, text.slice(0, colon));
  if (!hit) return null;
  const value = text.slice(colon + 1).trim();
  // "Warning:" is far too generic a label; only the /skms override warning belongs to /dlv.
  if (hit.def.id === "skmsWarning" && !/skms/i.test(value)) return null;
  return { def: hit.def, value, french: hit.french };
}
