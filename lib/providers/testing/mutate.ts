/**
 * Random damage of the kinds real servers do (removed, nulled, `[]`, numbers as strings, unknown
 * words, extra fields), shared by the providers' tolerance tests and driven by fast-check's choices
 * so a failure shrinks to a small case.
 */
export function mutate(value: unknown, choices: number[]): unknown {
  let next = 0;
  const pick = () => choices[next++ % choices.length] ?? 0;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== "object") {
      const choice = pick() % 7;
      if (choice === 0) return null;
      if (choice === 1 && typeof node === "number") return String(node);
      if (choice === 2 && typeof node === "string") return "unknown_value";
      if (choice === 3) return [];
      return node;
    }
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(node)) {
      const choice = pick() % 9;
      if (choice === 0) continue;
      out[key] = choice === 1 ? null : choice === 2 ? [] : walk(child);
    }
    if (pick() % 5 === 0) out.extra_field = { nested: [1, "x"] };
    return out;
  };
  return walk(value);
}
