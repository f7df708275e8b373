"use client";
// Create a dashboard user with an initial password the administrator passes on to them.
import { useTranslations } from "next-intl";
import { useCreateUserMutation } from "@/lib/client/useUsersMutations";
import { TextField } from "@/app/_components/form/TextField";
import { ToolbarForm } from "@/app/_components/form/ToolbarForm";
import { useFormFields } from "@/app/_components/form/useFormFields";

export function CreateUserForm() {
  const mutation = useCreateUserMutation();
  const t = useTranslations("admin.createUser");
  const roleName = useTranslations("roles");
  const form = useFormFields({ email: "", name: "", role: "viewer", password: "" });

  function submit() {
    const { email, name, role, password } = form.values;
    mutation.mutate(
      { email: email.trim(), name: name.trim(), role: role === "admin" ? "admin" : "viewer", password },
      { onSuccess: () => form.reset() },
    );
  }
  return (
    <ToolbarForm
      onSubmit={submit}
      error={mutation.error}
      done={mutation.isSuccess && t("created", { email: mutation.data.email, role: roleName(mutation.data.role) })}
    >
      <TextField type="email" label={t("email")} {...form.bind("email")} required maxLength={320} size={28} />
      <TextField label={t("name")} {...form.bind("name")} required maxLength={200} size={20} />
      <select {...form.bind("role")} aria-label={t("role")}>
        <option value="viewer">{t("viewerOption")}</option>
        <option value="admin">{roleName("admin")}</option>
      </select>
      <TextField
        type="password"
        label={t("password")}
        placeholder={t("passwordPlaceholder")}
        {...form.bind("password")}
        required
        minLength={8}
        maxLength={1024}
        size={26}
        autoComplete="new-password"
      />
      <button type="submit" disabled={mutation.isPending}>
        {mutation.isPending ? t("creating") : t("create")}
      </button>
    </ToolbarForm>
  );
}
