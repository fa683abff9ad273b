import { providerInfo } from "@/lib/providers/catalog.types";
import type { ProviderKind } from "@/lib/providers/types";

/** A provider's mark, as its descriptor draws it (behaviour follows capabilities, never the kind). */
export function ProviderIcon({ kind, className = "size-5" }: { kind: ProviderKind | undefined; className?: string }) {
  const icon = kind ? providerInfo(kind).icon : null;
  return (
    <span
      aria-hidden="true"
      className={`inline-flex shrink-0 items-center justify-center rounded-full text-white ${icon?.background ?? "bg-slate-400"} ${className}`}
    >
      {icon && (
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-[70%]" fill="currentColor">
          <path d={icon.path} />
        </svg>
      )}
    </span>
  );
}
