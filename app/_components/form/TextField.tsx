// A text input named for screen readers by its label, which is also its placeholder unless one is given.
import type { InputHTMLAttributes } from "react";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "aria-label"> & { label: string };

export function TextField({ label, placeholder, ...input }: Props) {
  return <input aria-label={label} placeholder={placeholder ?? label} {...input} />;
}
