"use client";
// Dashboard users: change role, reset password, delete. The API refuses deleting yourself and
// removing the last admin; the buttons say so up front.
import { useTranslations } from "next-intl";
import type { UserView } from "@/lib/access/admin/users";
import type { Role } from "@/lib/access/admin/userRules";
import styles from "@/app/_components/clients/clients.module.css";
import { RowButton } from "@/app/_components/table/RowButton";
import { DataTable } from "@/app/_components/table/DataTable";
import { WhenCell } from "@/app/_components/table/WhenCell";

type Props = {
  users: UserView[];
  meId: string | null;
  busyId: string | null;
  onRole: (user: UserView, role: Role) => void;
  onResetPassword: (user: UserView) => void;
  onDelete: (user: UserView) => void;
};

export function UsersTable({ users, meId, busyId, onRole, onResetPassword, onDelete }: Props) {
  const t = useTranslations("admin.users");
  const roleName = useTranslations("roles");
  const admins = users.filter((u) => u.role === "admin").length;
  return (
    <DataTable columns={[t("colEmail"), t("colName"), t("colRole"), t("colCreated"), t("colLastSignIn"), ""]}>
      {users.map((user) => {
        const lastAdmin = user.role === "admin" && admins <= 1;
        const busy = busyId !== null;
        return (
          <tr key={user.id}>
            <td>
              {user.email}
              {user.id === meId && <span className="muted small"> {t("you")}</span>}
            </td>
            <td>{user.name}</td>
            <td>
              <select
                value={user.role}
                aria-label={t("roleOf", { email: user.email })}
                disabled={busy || lastAdmin}
                title={lastAdmin ? t("lastAdminDemote") : undefined}
                onChange={(e) => onRole(user, e.target.value === "admin" ? "admin" : "viewer")}
              >
                <option value="viewer">{roleName("viewer")}</option>
                <option value="admin">{roleName("admin")}</option>
              </select>
            </td>
            <WhenCell iso={user.createdAt} show="ago" />
            <WhenCell iso={user.lastSignInAt} show="ago" empty={t("never")} />
            <td className={styles.nowrap}>
              <RowButton tone="secondary" disabled={busy} onClick={() => onResetPassword(user)}>
                {t("resetPassword")}
              </RowButton>{" "}
              <RowButton
                tone="danger"
                disabled={busy || user.id === meId || lastAdmin}
                title={user.id === meId ? t("cannotDeleteSelf") : lastAdmin ? t("lastAdminDelete") : undefined}
                onClick={() => onDelete(user)}
                busyLabel={busyId === user.id && t("working")}
              >
                {t("delete")}
              </RowButton>
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
