// Activation IDs of common volume editions (public constants), to name what a client is.
const editions: Record<string, string> = {
  "73111121-5638-40f6-bc11-f1d7b0d64300": "Windows 10/11 Enterprise",
  "9bd77860-9b31-4b7b-96ad-2564017315bf": "Windows Server 2022 Standard",
  "d450596f-894d-49e0-966a-fd39ed4c4c64": "Office 2016 Professional Plus",
};

export function editionName(activationId: string | null): string | null {
  return activationId ? (editions[activationId.toLowerCase()] ?? null) : null;
}
