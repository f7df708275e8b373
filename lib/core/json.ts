// Values written to jsonb columns through Prisma. Prisma's input type cannot see that a zod-shaped object
// is plain JSON, so the one cast lives here; reading back always goes through the value's zod schema.
import type { Prisma } from "@/lib/core/generated/prisma/client";

export const toJsonValue = (value: object): Prisma.InputJsonValue => value as Prisma.InputJsonValue;
