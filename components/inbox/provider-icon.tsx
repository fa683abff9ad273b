import type { ProviderKind } from "@/lib/providers/types";

/** One mark per provider kind; the only place the UI looks at the kind (behaviour follows capabilities). */
const PATHS: Record<ProviderKind, { background: string; path: string }> = {
  // A paper plane.
  tgbridge: { background: "bg-sky-600", path: "M4 11.5 19 5l-2.6 13.2-4.6-3.6-2.4 2.3.3-3.7 6.8-6.1-8.4 5.2z" },
  // A speech bubble.
  smartsender: {
    background: "bg-emerald-600",
    path: "M5 6.5C5 5.7 5.7 5 6.5 5h11c.8 0 1.5.7 1.5 1.5v7c0 .8-.7 1.5-1.5 1.5H10l-3.5 3v-3h0c-.8 0-1.5-.7-1.5-1.5z",
  },
  // An "M".
  max: { background: "bg-violet-600", path: "M5 18V6h2.6l4.4 6.3L16.4 6H19v12h-2.6v-7.6L12 16.6l-4.4-6.2V18z" },
  // Two people.
  chatops: {
    background: "bg-orange-600",
    path: "M9 11.5a3 3 0 1 0 0-6 3 3 0 0 0 0 6m7 .5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5M3.5 18c0-2.8 2.5-5 5.5-5s5.5 2.2 5.5 5zm12 0c0-1.5-.5-2.9-1.4-4 .6-.3 1.2-.4 1.9-.4 2.3 0 4.5 1.8 4.5 4.4z",
  },
};

export function ProviderIcon({ kind, className = "size-5" }: { kind: ProviderKind | undefined; className?: string }) {
  const icon = kind ? PATHS[kind] : null;
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
