"use client";
// The text fields of a small form as one state: bind a field to its input, read the values, reset after a success.
import { type ChangeEvent, useState } from "react";

type Change = ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>;

export function useFormFields<F extends Record<string, string>>(initial: F) {
  const [values, setValues] = useState<F>(initial);
  const set = (changes: Partial<F>) => setValues((current) => ({ ...current, ...changes }));
  return {
    values,
    set,
    bind: (name: keyof F) => ({ value: values[name], onChange: (e: Change) => set({ [name]: e.target.value } as Partial<F>) }),
    reset: (fields: F = initial) => setValues(fields),
  };
}
