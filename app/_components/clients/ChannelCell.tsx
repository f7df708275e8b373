// Channel with a "not GVLK" flag: MAK/Retail/OEM machines never count on (or renew from) a KMS host.
"use client";
import { useTranslations } from "next-intl";
import { describeChannel } from "@/lib/present/format/channel";

export function ChannelCell({ channel, productKeyChannel }: { channel: string | null; productKeyChannel: string | null }) {
  const t = useTranslations("clients");
  const info = describeChannel(channel, productKeyChannel);
  return (
    <span title={[channel, productKeyChannel].filter(Boolean).join(" / ") || undefined}>
      {info.label}{" "}
      {info.isGvlk === false && (
        <span className="badge warning" title={info.note ?? undefined}>
          {t("notGvlk")}
        </span>
      )}
    </span>
  );
}
