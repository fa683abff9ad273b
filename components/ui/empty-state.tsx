import type { ReactNode } from "react";

export function EmptyState({ title, hint, children }: { title: string; hint?: string; children?: ReactNode }) {
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-1 p-6 text-center">
      <p className="font-medium">{title}</p>
      {hint && <p className="max-w-xs text-slate-600 text-sm dark:text-slate-300">{hint}</p>}
      {children}
    </div>
  );
}
