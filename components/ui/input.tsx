import type { InputHTMLAttributes, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

/**
 * How every text field looks (inputs, selects, the composer): border, colours, focus ring, and red
 * while `aria-invalid` is set. Size and padding come from `className` (default: full width).
 * On touch screens a field is at least 44 px tall with 16 px text: smaller makes Safari on iOS zoom
 * in on focus.
 */
const FIELD =
  "rounded-md border border-slate-300 bg-white text-sm touch:min-h-11 touch:text-base outline-none placeholder:text-slate-500 focus:border-blue-500 focus:ring-2 focus:ring-blue-500/30 disabled:cursor-not-allowed disabled:bg-slate-100 aria-invalid:border-red-600 aria-invalid:focus:ring-red-500/30 dark:border-slate-700 dark:bg-slate-900 dark:placeholder:text-slate-400 dark:disabled:bg-slate-800 dark:aria-invalid:border-red-500";

const DEFAULT_LAYOUT = "w-full px-3 py-2";

export function Input({ className = DEFAULT_LAYOUT, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={`${FIELD} ${className}`} {...props} />;
}

export function Select({ className = DEFAULT_LAYOUT, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={`${FIELD} ${className}`} {...props} />;
}

export function Textarea({
  className = DEFAULT_LAYOUT,
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { ref?: Ref<HTMLTextAreaElement> }) {
  return <textarea className={`${FIELD} ${className}`} {...props} />;
}
