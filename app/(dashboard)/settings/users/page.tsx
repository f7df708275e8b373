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
  const resetAll = () => {
    role.reset();
    password.reset();
    remove.reset();
  };

  const onRole = (user: UserView, next: Role) => {
    const self = user.id === me.data?.user.id && next === "viewer" ? " You will lose access to these settings." : "";
    if (!window.confirm(`Make ${user.email} ${next === "admin" ? "an administrator" : "a viewer (read only)"}?${self}`)) return;
    resetAll();
    role.mutate({ id: user.id, role: next });
  };
  const onResetPassword = (user: UserView) => {
    const next = window.prompt(`New password for ${user.email} (8+ characters). Sessions already open stay signed in until they expire.`);
    if (next === null) return;
    resetAll();
    password.mutate({ id: user.id, password: next });
  };
  const onDelete = (user: UserView) => {
    if (!window.confirm(`Delete ${user.email}? They can no longer sign in. What they did stays in the audit log.`)) return;
    resetAll();
    remove.mutate(user.id);
  };

  if (query.isPending) return <Loading what="users" />;
  if (query.isError) return <AdminQueryError error={query.error} what="the users" onRetry={() => void query.refetch()} />;
  return (
    <>
      <section className="card">
        <InlineError error={role.error ?? password.error ?? remove.error} />
        {password.isSuccess && <p className="muted small">Password changed.</p>}
        <UsersTable
          users={query.data.users}
          meId={me.data?.user.id ?? null}
          busyId={busyId}
          onRole={onRole}
          onResetPassword={onResetPassword}
          onDelete={onDelete}
        />
      </section>
      <section className="card">
        <h2>Create a user</h2>
        <CreateUserForm />
      </section>
    </>
  );
}

export default function UsersSettingsPage() {
  const settings = useTranslations("settings");
  return (
    <>
      <h1>{settings("users")}</h1>
      <p className="muted">
        Viewers read every dashboard; administrators also change the approved hosts, agents, enroll secrets and users. There is always at
        least one administrator.
      </p>
      <UsersView />
    </>
  );
}
