// The one definition of a countable 12290 and of a KMS host's reconstructed count, in SQL (alias `e` for
// activation_event). The count chart (its sampled and its full-window paths), the host facts behind the rules and the
// Prometheus gauge kmswatch_kms_host_reconstructed_count all read it from here; lib/kms/countModel.ts's `prepare` is
// the same definition in JS for the sliding series, and tests/integration/count-definition.test.ts checks they agree.
//   countable: a 12290 with a non-blank CMID that was not refused for clock skew (0xC004F06C: rejected before the
//              host validates it, so its CMID is not cached);
//   one CMID:  compared trimmed and lower-cased (the letter case depends on the source);
//   the cap:   50 while any request of the window has a client policy (min count not 5; NULL = unknown = the
//              default 50), 10 when all of them are Windows Server requests (min count 5).
import { Prisma } from "@/lib/core/generated/prisma/client";
import { CLOCK_SKEW, COUNT_CAP, COUNT_WINDOW_DAYS, SERVER_ONLY_CAP, SERVER_OS_THRESHOLD } from "@/lib/kms/countModel";

/** The filter of a host's countable requests; `machineId` is an SQL expression (a uuid parameter or a column). */
export const countableRequestsWhere = (machineId: Prisma.Sql) => Prisma.sql`
  e.machine_id = ${machineId} AND e.event_id = 12290 AND e.cmid IS NOT NULL AND btrim(e.cmid) <> ''
  AND e.hresult IS DISTINCT FROM ${CLOCK_SKEW}`;

/** A request's CMID as the count compares it. */
export const countableCmid = Prisma.sql`lower(btrim(e.cmid))`;

/** Whether a request holds the 50 cap (a client policy, or an unknown one). */
export const clientPolicyRequest = Prisma.sql`e.min_count IS DISTINCT FROM ${SERVER_OS_THRESHOLD}`;

/** Whether `time` is after the start of the count window ending at `at` (the window is (at - 30 days, at]). */
export const afterCountWindowStart = (time: Prisma.Sql, at: Date | Prisma.Sql) =>
  Prisma.sql`${time} > ${at}::timestamptz - make_interval(days => ${COUNT_WINDOW_DAYS})`;

/** The count window ending at `at`: (at - 30 days, at]. */
export const inCountWindow = (at: Date | Prisma.Sql) =>
  Prisma.sql`${afterCountWindowStart(Prisma.sql`e.time_created`, at)} AND e.time_created <= ${at}::timestamptz`;

/** Distinct countable CMIDs of the window, uncapped (the duplicate-CMID rule compares them with the clients). */
export const countableCmidsAt = (machineId: Prisma.Sql, at: Date) => Prisma.sql`
  (SELECT count(DISTINCT ${countableCmid})::int FROM activation_event e
    WHERE ${countableRequestsWhere(machineId)} AND ${inCountWindow(at)})`;

/** The count the host would report at `at`, rebuilt from its 12290 events (a scalar subquery). */
export const reconstructedCountAt = (machineId: Prisma.Sql, at: Date) => Prisma.sql`
  (SELECT least(count(DISTINCT ${countableCmid}),
                CASE WHEN coalesce(bool_or(${clientPolicyRequest}), false) THEN ${COUNT_CAP}::int ELSE ${SERVER_ONLY_CAP}::int END)::int
     FROM activation_event e
    WHERE ${countableRequestsWhere(machineId)} AND ${inCountWindow(at)})`;
