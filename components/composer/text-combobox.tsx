"use client";

import { type KeyboardEvent, type ReactNode, useId, useState } from "react";

/**
 * A list that pops up above the composer while the draft asks for it (a saved reply after `/`, a
 * teammate after `@`): the textbox keeps the focus and becomes a combobox over the list, ↑/↓
 * choose, Enter or Tab (or a click) picks, Esc closes it until the draft changes.
 */
export function useTextCombobox<Item>({
  wanted,
  text,
  items,
  itemKey,
  label,
  renderItem,
  onPick,
  empty,
  footer,
}: {
  /** Whether the draft asks for the list now. */
  wanted: boolean;
  text: string;
  items: Item[];
  itemKey: (item: Item) => string | number;
  label: string;
  renderItem: (item: Item) => ReactNode;
  onPick: (item: Item) => void;
  /** Shown when nothing matches. */
  empty?: ReactNode;
  footer?: ReactNode;
}) {
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const listId = useId();
  const open = wanted && dismissed !== text;
  const chosen = Math.min(active, Math.max(0, items.length - 1));
  const optionId = (index: number) => `${listId}-${index}`;
  const pick = (item: Item) => {
    setActive(0);
    onPick(item);
  };

  /** True when the key was the list's (the composer then does nothing else with it). */
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open) return false;
    const current = items[chosen];
    if (event.key === "Escape") {
      setDismissed(text);
    } else if ((event.key === "ArrowDown" || event.key === "ArrowUp") && items.length > 0) {
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((chosen + step + items.length) % items.length);
    } else if ((event.key === "Enter" || event.key === "Tab") && !event.shiftKey && current) {
      pick(current);
    } else {
      return false;
    }
    event.preventDefault();
    return true;
  };

  return {
    open,
    onKeyDown,
    /** For the textbox: what makes it a combobox of this list. */
    comboboxProps: open
      ? {
          role: "combobox",
          "aria-expanded": true,
          "aria-controls": listId,
          "aria-activedescendant": items[chosen] ? optionId(chosen) : undefined,
        }
      : {},
    list: open ? (
      <div className="absolute inset-x-0 bottom-full z-20 mb-1 max-h-72 overflow-y-auto rounded-md border border-slate-300 bg-white shadow-lg dark:border-slate-700 dark:bg-slate-900">
        <div id={listId} role="listbox" aria-label={label} className="py-1">
          {items.map((item, index) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the textbox keeps the focus and its keys choose (aria-activedescendant); a click also picks
            <div
              key={itemKey(item)}
              id={optionId(index)}
              role="option"
              tabIndex={-1}
              aria-selected={index === chosen}
              // Keeps the textbox focused, so typing goes on where it was.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(item)}
              className="cursor-pointer px-3 py-1.5 text-sm aria-selected:bg-blue-100 touch:min-h-11 dark:aria-selected:bg-blue-950"
            >
              {renderItem(item)}
            </div>
          ))}
        </div>
        {items.length === 0 && empty}
        {footer}
      </div>
    ) : null,
  };
}
