"use client";
// Create a dashboard user with an initial password the administrator passes on to them.
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { useCreateUserMutation } from "@/lib/client/useUsersMutations";
import type { Role } from "@/lib/access/admin/userRules";
import { InlineError } from "@/app/_components/clients/QueryState";

export function CreateUserForm() {
  const mutation = useCreateUserMutation();
  const t = useTranslations("admin.createUser");
  const roleName = useTranslations("roles");
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [password, setPassword] = useState("");

  function submit(event: FormEvent) {
    event.preventDefault();
    mutation.mutate(
      { email: email.trim(), name: name.trim(), role, password },
      {
        onSuccess: () => {
          setEmail("");
          setName("");
          setRole("viewer");
          setPassword("");
        },
      },
    );
  }
  return (
    <form onSubmit={submit}>
      <div className="toolbar">
        <input
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          placeholder={t("email")}
          aria-label={t("email")}
          required
          maxLength={320}
          size={28}
        />
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={t("name")}
          aria-label={t("name")}
          required
          maxLength={200}
          size={20}
        />
        <select value={role} onChange={(e) => setRole(e.target.value === "admin" ? "admin" : "viewer")} aria-label={t("role")}>
          <option value="viewer">{t("viewerOption")}</option>
          <option value="admin">{roleName("admin")}</option>
        </select>
        <input
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          placeholder={t("passwordPlaceholder")}
          aria-label={t("password")}
          required
          minLength={8}
          maxLength={1024}
          size={26}
          autoComplete="new-password"
        />
        <button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? t("creating") : t("create")}
        </button>
      </div>
      <InlineError error={mutation.error} />
      {mutation.isSuccess && (
        <p className="muted small">{t("created", { email: mutation.data.email, role: roleName(mutation.data.role) })}</p>
      )}
    </form>
  );
}
