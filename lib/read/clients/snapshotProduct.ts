// The snapshot columns a stored product is rebuilt from (lib/kms/storedProduct.ts), as Prisma selects them.
import "server-only";
import { type ProductColumnValues, productColumns } from "@/lib/kms/storedProduct";

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export const productColumnSelect = Object.fromEntries(Object.values(productColumns).map((column) => [camel(column), true])) as Record<
  string,
  true
>;

/** Prisma's camelCase row back to the column names storedProductOf reads. */
export function productColumnValues(row: Record<string, unknown>): ProductColumnValues {
  return Object.fromEntries(Object.values(productColumns).map((column) => [column, row[camel(column)] ?? null])) as ProductColumnValues;
}
