// Date and number spellings exactly as Windows prints them (slmgr en-US, event XML, PS 5.1 JSON).
// All simulated clocks are UTC (the fixtures do the same; see fixtures/README.md).

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** `TimeCreated SystemTime`: 7 fractional digits (100 ns ticks); `ticks` adds the sub-ms part. */
export function systemTime(ms: number, ticks = 0): string {
  const d = new Date(ms);
  const base = d.toISOString().slice(0, 19);
  return `${base}.${pad(d.getUTCMilliseconds(), 3)}${pad(ticks, 4)}Z`;
}

/** 12288/12289 ClientTime: `2024/05/13 11:12` (zero padded). */
export function clientTimePadded(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** 12290 ClientTime: `2024/5/13 9:58` (no padding except minutes). */
export function clientTimeHost(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()} ${d.getUTCHours()}:${pad(d.getUTCMinutes())}`;
}

/** slmgr `Trusted time:` in the en-US VarDate form `5/13/2024 7:30:51 AM`. */
export function trustedTimeEnUs(ms: number): string {
  const d = new Date(ms);
  const h = d.getUTCHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? "AM" : "PM"}`;
}

/** PS 5.1 ConvertTo-Json DateTime: `/Date(ms)/` (JSON escapes it as `\/Date(ms)\/`). */
export function psDate(ms: number): string {
  return `/Date(${Math.floor(ms / 1000) * 1000})/`;
}

/** 12288/12289 HRESULT and Status: `0x` + 8 upper-case hex digits. */
export function hex8(n: number): string {
  return `0x${(n >>> 0).toString(16).toUpperCase().padStart(8, "0")}`;
}

/** 12290 HRESULT: `0x0`, `0xC004F038` (no padding). */
export function hexShort(n: number): string {
  return `0x${(n >>> 0).toString(16).toUpperCase()}`;
}

/** Extended-PID date suffix: day of year (3 digits) + year, e.g. `0442024`. */
export function pidDate(ms: number): string {
  const d = new Date(ms);
  const dayOfYear = Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
  return `${pad(dayOfYear, 3)}${d.getUTCFullYear()}`;
}

/** slmgr day rounding: `Int((minutes + 1439) / 1440)`. */
export function slmgrDays(minutes: number): number {
  return Math.floor((minutes + 1439) / 1440);
}
