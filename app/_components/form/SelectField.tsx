// A labelled drop-down of a fixed list of values, each shown by its name in the reader's language.
type Props<V extends string> = {
  label: string;
  value: V;
  options: readonly V[];
  optionLabel: (option: V) => string;
  onChange: (option: V) => void;
};

export function SelectField<V extends string>({ label, value, options, optionLabel, onChange }: Props<V>) {
  return (
    <label>
      {label}{" "}
      <select value={value} onChange={(e) => onChange(options.find((o) => o === e.target.value) ?? value)}>
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)}
          </option>
        ))}
      </select>
    </label>
  );
}
