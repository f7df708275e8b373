// "Download support bundle": the zip Microsoft support asks for (raw /dlv, KMS event logs, summary, findings).
import { supportBundleHref } from "@/app/_components/export/hrefs";
import styles from "./export.module.css";

export function SupportBundleLink({ kind, id }: { kind: "host" | "client"; id: string }) {
  return (
    <a
      className={styles.download}
      href={supportBundleHref(kind, id)}
      download
      title="Zip with the latest slmgr.vbs /dlv output and the KMS event logs of the last 30 days, as Microsoft support asks for them"
    >
      Download support bundle
    </a>
  );
}
