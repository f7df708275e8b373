"use client";
// "3d 4h" / "3 j 4 h": a duration with the units of the user's language (the numbers come from durationParts).
import { useTranslations } from "next-intl";
import { durationParts } from "@/lib/present/format/expiry";

export function useDurationText(): (ms: number) => string {
  const t = useTranslations("duration");
  return (ms) => {
    const p = durationParts(ms);
    if (p.unit === "underMinute") return t("underMinute");
    if (p.unit === "dh") return t("dh", { d: p.d, h: p.h });
    if (p.unit === "d") return t("d", { d: p.d });
    if (p.unit === "hm") return t("hm", { h: p.h, m: p.m });
    if (p.unit === "h") return t("h", { h: p.h });
    return t("m", { m: p.m });
  };
}
