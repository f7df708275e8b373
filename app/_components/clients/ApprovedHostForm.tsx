"use client";
// Add a host to the approved list (admins). The API normalizes the name (lower case, no port).
import { useTranslations } from "next-intl";
import { useApproveHostMutation } from "@/lib/client/useApproveHostMutation";
import { TextField } from "@/app/_components/form/TextField";
import { ToolbarForm } from "@/app/_components/form/ToolbarForm";
import { useFormFields } from "@/app/_components/form/useFormFields";

export function ApprovedHostForm() {
  const mutation = useApproveHostMutation();
  const t = useTranslations("audit.approveForm");
  const form = useFormFields({ host: "", note: "" });
  const host = form.values.host.trim();
  const note = form.values.note.trim();
  function submit() {
    if (host) mutation.mutate({ host, ...(note ? { note } : {}) }, { onSuccess: () => form.reset() });
  }
  return (
    <ToolbarForm onSubmit={submit} error={mutation.error} done={mutation.isSuccess && t("added", { host: mutation.data.host })}>
      <TextField
        label={t("host")}
        placeholder="kms01.corp.example.com"
        {...form.bind("host")}
        required
        maxLength={255}
        size={30}
        pattern="[A-Za-z0-9._\-]+(:[0-9]{1,5})?"
        title={t("hostTitle")}
      />
      <TextField label={t("note")} placeholder={t("notePlaceholder")} {...form.bind("note")} maxLength={500} size={36} />
      <button type="submit" disabled={mutation.isPending || host === ""}>
        {mutation.isPending ? t("adding") : t("add")}
      </button>
    </ToolbarForm>
  );
}
