/**
 * A simple rate limit: at most `limit` requests in any `windowMs`. Returns how long to wait
 * (ms) when over it, else null, and then the request counts.
 */
export function slidingWindow({ limit, windowMs }: { limit: number; windowMs: number }): () => number | null {
  const admitted: number[] = [];
  return () => {
    const now = Date.now();
    while (admitted.length > 0 && (admitted[0] as number) <= now - windowMs) admitted.shift();
    if (admitted.length >= limit) return (admitted[0] as number) + windowMs - now;
    admitted.push(now);
    return null;
  };
}
