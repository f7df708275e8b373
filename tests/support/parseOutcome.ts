// The hostile-input tests read a parser's answer as one word: "ok", or the code of its refusal.
import type { ParseResult } from "@/lib/kms/parsed";

export const outcomeOf =
  <T>(parse: (input: string) => ParseResult<T>) =>
  (input: string): string => {
    const result = parse(input);
    return result.ok ? "ok" : result.error.code;
  };
