"use client";
// Dashboard users: change role, reset password, delete. The API refuses deleting yourself and
// removing the last admin; the buttons say so up front.
import type { UserView } from "@/lib/access/admin/users";
import type { Role } from "@/lib/access/admin/userRules";
import { TimeAgo } from "@/app/_components/TimeAgo";
import styles from "@/app/_components/clients/clients.module.css";
import { TableScroll } from "@/app/_components/table/TableScroll";

type Props = {
  users: UserView[];
  meId: string | null;
  busyId: string | null;
  onRole: (user: UserView, role: Role) => void;
  onResetPassword: (user: UserView) => void;
  onDelete: (user: UserView) => void;
};

export function UsersTable({ users, meId, busyId, onRole, onResetPassword, onDelete }: Props) {
  const admins = users.filter((u) => u.role === "admin").length;
  return (
    <TableScroll>
      <table>
        <thead>
          <tr>
            <th>E-mail</th>
            <th>Name</th>
            <th>Role</th>
            <th>Created</th>
            <th>Last sign-in</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const lastAdmin = user.role === "admin" && admins <= 1;
            const busy = busyId !== null;
            return (
              <tr key={user.id}>
                <td>
                  {user.email}
                  {user.id === meId && <span className="muted small"> (you)</span>}
                </td>
                <td>{user.name}</td>
                <td>
                  <select
                    value={user.role}
                    aria-label={`Role of ${user.email}`}
                    disabled={busy || lastAdmin}
                    title={lastAdmin ? "The last administrator cannot be demoted" : undefined}
                    onChange={(e) => onRole(user, e.target.value === "admin" ? "admin" : "viewer")}
                  >
                    <option value="viewer">viewer</option>
                    <option value="admin">admin</option>
                  </select>
                </td>
                <td>
                  <TimeAgo iso={user.createdAt} />
                </td>
                <td>
                  <TimeAgo iso={user.lastSignInAt} empty="never" />
                </td>
                <td className={styles.nowrap}>
                  <button type="button" className={styles.secondary} disabled={busy} onClick={() => onResetPassword(user)}>
                    Reset password
                  </button>{" "}
                  <button
                    type="button"
                    className={styles.danger}
                    disabled={busy || user.id === meId || lastAdmin}
                    title={
                      user.id === meId
                        ? "You cannot delete your own account"
                        : lastAdmin
                          ? "The last administrator cannot be deleted"
                          : undefined
                    }
                    onClick={() => onDelete(user)}
                  >
                    {busyId === user.id ? "Working…" : "Delete"}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
