// The installation key (README "Security" → Agent identities): 32 random bytes generated at the first
// enrollment, kept beside the token, sent with every enrollment. While the machine's agent is active the
// server lets only this key enroll it again; a second installation claiming the same FQDN gets 409.
import { randomBytes } from "node:crypto";
import { enrollRequestSchema } from "../../../lib/kms/protocol.ts";
import { INSTALLATION_KEY_FILE, type AgentState } from "./state.ts";
import { log } from "./version.ts";

export const newInstallationKey = (): string => randomBytes(32).toString("base64url");

const keySchema = enrollRequestSchema.shape.installationKey.unwrap();

/**
 * The key to send with an enrollment. Generated (and saved, before the request) only when the agent has
 * never enrolled (no token file): a lost key is not silently replaced on an enrolled machine, where a new
 * key could not re-enroll anyway while the old agent is active. Then the agent enrolls without a key.
 */
export function installationKeyFor(state: AgentState): string | null {
  const text = state.readInstallationKeyText();
  if (text !== null) {
    const parsed = keySchema.safeParse(text.trim());
    if (parsed.success) return parsed.data;
    const aside = state.setInstallationKeyAside();
    log(`${INSTALLATION_KEY_FILE} is damaged (${parsed.error.issues[0]?.message}); moved to ${aside}`);
  }
  if (!state.hasTokenFile()) {
    const key = newInstallationKey();
    state.writeInstallationKey(key);
    log(`generated this installation's key (${INSTALLATION_KEY_FILE})`);
    return key;
  }
  log(
    `warning: ${INSTALLATION_KEY_FILE} is missing but this agent enrolled before; enrolling without it. ` +
      "While this machine's old agent is active the server refuses that (409): an administrator revokes it on the Agents page (Settings > Agents).",
  );
  return null;
}
