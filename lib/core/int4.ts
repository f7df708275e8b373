// Parsed numbers are stored in PostgreSQL int4 columns: a value outside that range is damage (every counter,
// port and minute count Windows reports fits), and would make the whole batch's insert fail.
const INT4_MIN = -(2 ** 31);
const INT4_MAX = 2 ** 31 - 1;

export function isInt4(n: number): boolean {
  return Number.isInteger(n) && n >= INT4_MIN && n <= INT4_MAX;
}
