"use client";

import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";

export type MenuAction = {
  key: string;
  label: ReactNode;
  onSelect: () => void;
  disabled?: boolean;
  /** As on the button it stands for (aria-keyshortcuts). */
  keyShortcut?: string;
};

/**
 * A button that opens a list of actions (the ARIA menu button pattern): Enter, Space or the arrows
 * open it, the arrows, Home and End move between items, Enter or a click chooses one, Escape or a
 * click elsewhere closes it, and focus goes back to the button. The button comes back into focus
 * before the action runs, so a dialog that an action opens returns focus there too.
 */
export function Menu({
  label,
  icon,
  actions,
  className = "",
}: {
  /** The button's accessible name (it shows only `icon`). */
  label: string;
  icon: ReactNode;
  actions: MenuAction[];
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const buttonId = useId();
  const menuId = useId();

  const items = () => [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  const show = (index: number) => {
    setActive((index + actions.length) % actions.length);
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  // The active item holds the focus (roving focus).
  useEffect(() => {
    if (open) items()[active]?.focus();
  });

  // A press anywhere else closes the menu without taking the focus from where it went.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  if (actions.length === 0) return null;

  const onButtonKeyDown = (event: KeyboardEvent) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      show(event.key === "ArrowDown" ? 0 : -1);
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, Home: 0, End: -1 };
    const move = moves[event.key];
    if (move !== undefined) {
      event.preventDefault();
      show(move);
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === "Tab") {
      close(false);
    }
  };

  const choose = (action: MenuAction) => {
    if (action.disabled) return;
    close(true);
    action.onSelect();
  };

  return (
    <div className={`relative ${className}`}>
      <button
        ref={buttonRef}
        id={buttonId}
        type="button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : show(0))}
        onKeyDown={onButtonKeyDown}
        className="inline-flex size-11 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-500 focus-visible:outline-offset-2 aria-expanded:bg-slate-100 dark:text-slate-200 dark:aria-expanded:bg-slate-800 dark:hover:bg-slate-800"
      >
        {icon}
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-labelledby={buttonId}
          onKeyDown={onMenuKeyDown}
          className="absolute top-full right-0 z-30 mt-1 flex w-max max-w-[calc(100vw-1rem)] min-w-52 flex-col rounded-lg border border-slate-200 bg-white py-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {actions.map((action, index) => (
            <button
              key={action.key}
              type="button"
              role="menuitem"
              tabIndex={index === active ? 0 : -1}
              aria-disabled={action.disabled || undefined}
              aria-keyshortcuts={action.keyShortcut}
              onClick={() => choose(action)}
              onPointerMove={() => index !== active && setActive(index)}
              className="flex min-h-11 items-center gap-1.5 px-4 text-left text-slate-900 text-sm outline-none hover:bg-slate-100 focus-visible:bg-slate-100 aria-disabled:cursor-not-allowed aria-disabled:text-slate-500 dark:text-slate-100 dark:aria-disabled:text-slate-400 dark:focus-visible:bg-slate-800 dark:hover:bg-slate-800"
            >
              {action.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

/** Three dots: "more actions". */
export function MoreIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-5">
      <path d="M10 4.5a1.5 1.5 0 1 1 0-3 1.5 1.5 0 0 1 0 3m0 7a1.5 1.5 0 1 1 0-3 1.5 1.5 0 0 1 0 3m0 7a1.5 1.5 0 1 1 0-3 1.5 1.5 0 0 1 0 3" />
    </svg>
  );
}
