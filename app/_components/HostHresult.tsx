// An activation HRESULT with its meaning; success in plain grey, failures in red.
export function HostHresult({ hresult, meaning }: { hresult: string | null; meaning: string | null }) {
  if (hresult === null) return <span className="muted">—</span>;
  const ok = hresult === "0x00000000";
  return (
    <span className={ok ? "muted" : "error"}>
      <code>{hresult}</code>
      {meaning && <span className="small"> {meaning}</span>}
    </span>
  );
}

/** 25 = Windows client OS (N-policy), 5 = Windows Server / Office. */
export function MinCount({ minCount }: { minCount: number | null }) {
  if (minCount === null) return <span className="muted">—</span>;
  const who = minCount === 25 ? "client OS" : minCount === 5 ? "server / Office" : null;
  return (
    <span>
      {minCount}
      {who && <span className="muted small"> ({who})</span>}
    </span>
  );
}

export function YesNo({ value }: { value: boolean | null }) {
  if (value === null) return <span className="muted">—</span>;
  return <span>{value ? "yes" : "no"}</span>;
}
