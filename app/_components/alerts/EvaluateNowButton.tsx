"use client";
// "Evaluate now" (admins only; hidden for viewers): re-runs every rule and sends notifications at once.
import { useTranslations } from "next-intl";
import { useMeQuery } from "@/lib/client/useMeQuery";
import { useAlertEvaluateMutation } from "@/lib/client/useAlertEvaluateMutation";

export function EvaluateNowButton() {
  const t = useTranslations("alerts");
  const me = useMeQuery();
  const mutation = useAlertEvaluateMutation();
  if (me.data?.user.role !== "admin") return null;
  return (
    <div className="toolbar">
      <button type="button" disabled={mutation.isPending} onClick={() => mutation.mutate()}>
        {mutation.isPending ? t("evaluating") : t("evaluate")}
      </button>
      {mutation.isSuccess && (
        <span className="muted small">
          {t("evaluated", {
            transitions: mutation.data.transitions,
            deliveries: mutation.data.deliveries,
            attempted: mutation.data.attempted,
          })}
        </span>
      )}
      {mutation.isError && <span className="error small">{mutation.error.message}</span>}
    </div>
  );
}
