/**
 * The MAX sandbox's update queue behind `GET /updates` (docs/providers/max.md; seed
 * docs/providers/seeds/003_1ec703991a94c4d2.txt). As the official schema describes it: every update has
 * a sequence number, the answer's `marker` points at the next one, passing a `marker` commits
 * everything before it, and a request without one gets everything since the last commit. The
 * queue starts with the whole history, so a bot that polls without a marker learns every chat
 * and message, then new ones as they happen (the request is held until one arrives).
 */

import type { WireUpdate } from "@/sandbox/max/wire";

export type ReadUpdatesInput = {
  marker: number | null;
  limit: number;
  timeoutMs: number;
  /** Only these update types; null for all. */
  types: ReadonlySet<string> | null;
};

/** The sequence number of the first update; markers are sequence numbers. */
const FIRST_MARKER = 1;

/**
 * `markerlessGivesLast`: the behaviour since the schema of 2026-05-07 (docs/providers/max.md):
 * without a marker only the last update is answered (with the marker after it), so a new bot
 * learns no backlog. Off, a marker-less read gets everything since the last commit, which lets
 * the demo and most tests start from a seeded history.
 */
export function createUpdateLog(history: WireUpdate[], options: { markerlessGivesLast?: boolean } = {}) {
  const entries: WireUpdate[] = [...history];
  let committed = FIRST_MARKER;
  const waiters = new Set<() => void>();
  let closed = false;

  const end = () => FIRST_MARKER + entries.length;

  function collect(start: number, input: ReadUpdatesInput): { updates: WireUpdate[]; marker: number } {
    const updates: WireUpdate[] = [];
    let position = start;
    while (position < end() && updates.length < input.limit) {
      const update = entries[position - FIRST_MARKER] as WireUpdate;
      if (!input.types || input.types.has(update.update_type)) updates.push(update);
      position += 1;
    }
    return { updates, marker: position };
  }

  function nextAppend(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      waiters.add(done);
    });
  }

  return {
    append(update: WireUpdate): void {
      entries.push(update);
      for (const wake of [...waiters]) wake();
    },

    async read(input: ReadUpdatesInput): Promise<{ updates: WireUpdate[]; marker: number }> {
      if (input.marker === null && options.markerlessGivesLast && entries.length > 0) {
        const last = entries.at(-1) as WireUpdate;
        const wanted = !input.types || input.types.has(last.update_type);
        return { updates: wanted ? [last] : [], marker: end() };
      }
      if (input.marker !== null) committed = Math.max(committed, input.marker);
      const start = Math.min(Math.max(input.marker ?? committed, FIRST_MARKER), end());
      const deadline = Date.now() + input.timeoutMs;
      let result = collect(start, input);
      while (result.updates.length === 0 && !closed && Date.now() < deadline) {
        await nextAppend(deadline - Date.now());
        result = collect(result.marker, input);
      }
      return result;
    },

    /** Answers every held request now (their answer is empty), so the server can close. */
    releaseAll(): void {
      closed = true;
      for (const wake of [...waiters]) wake();
    },
  };
}

export type UpdateLog = ReturnType<typeof createUpdateLog>;
