import { useFormatter } from "use-intl";

/** Bytes as "12.5 kB" in the agent's language. */
export function useFileSize() {
  const format = useFormatter();
  return (bytes: number) => {
    const units = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;
    const power = Math.min(units.length - 1, Math.floor(Math.log(Math.max(bytes, 1)) / Math.log(1024)));
    return format.number(bytes / 1024 ** power, {
      style: "unit",
      unit: units[power],
      unitDisplay: "short",
      maximumFractionDigits: power === 0 ? 0 : 1,
    });
  };
}
