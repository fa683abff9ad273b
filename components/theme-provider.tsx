"use client";

import { createContext, type ReactNode, useContext, useEffect, useState } from "react";
import type { Theme } from "@/lib/me/theme";

type ThemeState = { theme: Theme; setTheme: (theme: Theme) => void };

const ThemeContext = createContext<ThemeState | null>(null);

/**
 * The theme the server rendered on <html data-theme>, changed in place when the agent picks
 * another one (globals.css turns the attribute into colours).
 */
export function ThemeProvider({ initial, children }: { initial: Theme; children: ReactNode }) {
  const [theme, setTheme] = useState(initial);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return <ThemeContext value={{ theme, setTheme }}>{children}</ThemeContext>;
}

export function useTheme(): ThemeState {
  const state = useContext(ThemeContext);
  if (!state) throw new Error("useTheme needs the ThemeProvider (components/app-providers.tsx)");
  return state;
}
