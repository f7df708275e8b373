"use client";
import { useTranslations } from "next-intl";
// Users (admins): who can sign in, with which role; create, change role, reset password, delete.
import { useMeQuery } from "@/lib/client/useMeQuery";
import { useUsersQuery } from "@/lib/client/useUsersQuery";
import { useChangeRoleMutation, useDeleteUserMutation, useResetPasswordMutation } from "@/lib/client/useUsersMutations";
import type { UserView } from "@/lib/access/admin/users";
import type { Role } from "@/lib/access/admin/userRules";
import { UsersTable } from "@/app/_components/settings/UsersTable";
import { CreateUserForm } from "@/app/_components/settings/CreateUserForm";
import { AdminQueryError } from "@/app/_components/settings/AdminQueryState";
import { InlineError, Loading } from "@/app/_components/clients/QueryState";
import { PageShell } from "@/app/_components/PageShell";
import { Card } from "@/app/_components/Card";

function UsersView() {
  const me = useMeQuery();
  const query = useUsersQuery();
  const role = useChangeRoleMutation();
  const password = useResetPasswordMutation();
  const remove = useDeleteUserMutation();
  const busyId = role.isPending
    ? (role.variables?.id ?? null)
    : password.isPending
      ? (password.variables?.id ?? null)
      : remove.isPending
        ? (remove.variables ?? null)
        : null;
  const t = useTranslations("admin.usersPage");
  const resetAll = () => {
    role.reset();
    password.reset();
    remove.reset();
  };

  const onRole = (user: UserView, next: Role) => {
    const self = user.id === me.data?.user.id && next === "viewer" ? ` ${t("loseAccess")}` : "";
    if (!window.confirm(`${t(next === "admin" ? "confirmAdmin" : "confirmViewer", { email: user.email })}${self}`)) return;
    resetAll();
    role.mutate({ id: user.id, role: next });
  };
  const onResetPassword = (user: UserView) => {
    const next = window.prompt(t("promptPassword", { email: user.email }));
    if (next === null) return;
    resetAll();
    password.mutate({ id: user.id, password: next });
  };
  const onDelete = (user: UserView) => {
    if (!window.confirm(t("confirmDelete", { email: user.email }))) return;
    resetAll();
    remove.mutate(user.id);
  };

  if (query.isPending) return <Loading what={t("what")} />;
  if (query.isError) return <AdminQueryError error={query.error} what={t("what")} onRetry={() => void query.refetch()} />;
  return (
    <>
      <section className="card">
        <InlineError error={role.error ?? password.error ?? remove.error} />
        {password.isSuccess && <p className="muted small">{t("passwordChanged")}</p>}
        <UsersTable
          users={query.data.users}
          meId={me.data?.user.id ?? null}
          busyId={busyId}
          onRole={onRole}
          onResetPassword={onResetPassword}
          onDelete={onDelete}
        />
      </section>
      <Card title={t("create")}>
        <CreateUserForm />
      </Card>
    </>
  );
}

export default function UsersSettingsPage() {
  const settings = useTranslations("settings");
  const t = useTranslations("admin.usersPage");
  return (
    <PageShell title={settings("users")} intro={t("intro")}>
      <UsersView />
    </PageShell>
  );
}
