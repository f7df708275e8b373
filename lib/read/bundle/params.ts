// Support bundle URL parts: `/bundle/host/<uuid>.zip?days=30`.
import "server-only";
import { z } from "zod";
import { ApiError } from "@/lib/core/errors";
import { searchParams } from "@/lib/access/http/params";

export type BundleFileContext = { params: Promise<{ file: string }> };

export async function bundleMachineId(context: BundleFileContext): Promise<string> {
  const { file } = await context.params;
  const match = /^(.+)\.zip$/.exec(file);
  const id = z.uuid().safeParse(match?.[1]);
  if (!id.success) throw new ApiError("not_found", "no such machine (expected /<machine id>.zip)", "id");
  return id.data;
}

// Up to ten years: Microsoft support sometimes asks for a host's history since it was set up.
export const bundleQuerySchema = z.object({ days: z.coerce.number().int().min(1).max(3650).default(30) });

export function bundleDays(url: string): number {
  return searchParams(url, bundleQuerySchema).days;
}
