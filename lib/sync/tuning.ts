/**
 * How patient the sync is. The defaults suit real providers; tests shrink them to run fast.
 */
export type SyncTuning = {
  /** How often an instance looks for connections nobody syncs (and checks the ones it holds). */
  claimIntervalMs: number;
  /** How long one long poll (MAX) waits for updates. */
  longPollSeconds: number;
  /** Attempts of one provider call (the first included) while it fails in a retryable way. */
  retryAttempts: number;
  retryInitialDelayMs: number;
  retryMaxDelayMs: number;
  /** Consecutive failed calls that open a connection's circuit breaker. */
  breakerThreshold: number;
  /** How long an open breaker waits before letting a trial call through (doubling up to the max). */
  breakerHalfOpenAfterMs: number;
  breakerMaxHalfOpenAfterMs: number;
  /** The pause after a failed cycle before the next one (doubling up to the max). */
  failurePauseMs: number;
  failureMaxPauseMs: number;
  /** The pause after the provider refused our credentials (doubling up to the max): never a hot loop. */
  authPauseMs: number;
  authMaxPauseMs: number;
  /** Chats whose newest messages are fetched at the same time during a poll. */
  messageFetchConcurrency: number;
  /** In webhook mode, how often the provider is asked whether our subscription still stands. */
  webhookCheckMs: number;
  /**
   * Tests only: webhook mode on an http or loopback APP_URL (the tests may reach loopback only).
   * Production never sets it, so webhooks need a public https address there.
   */
  webhooksOnLocalUrls: boolean;
  /** How long a connection may stay degraded before it raises an outage alert (down raises at once). */
  degradedAlertAfterMs: number;
  /** How often an instance checks alerts without a health write (the degraded threshold) and posts due alert webhooks. */
  alertCheckIntervalMs: number;
  /** Attempts of one alert webhook POST before it is marked failed, and the persisted waits between them. */
  alertWebhookAttempts: number;
  alertWebhookRetryInitialMs: number;
  alertWebhookRetryMaxMs: number;
  alertWebhookTimeoutMs: number;
  /**
   * Tests only: alert webhooks may post to loopback and private addresses (the tests may reach
   * loopback only). Production never sets it, so an admin's URL cannot reach internal hosts.
   */
  alertWebhooksToLocalUrls: boolean;
};

export const DEFAULT_TUNING: SyncTuning = {
  claimIntervalMs: 5_000,
  longPollSeconds: 30,
  retryAttempts: 6,
  retryInitialDelayMs: 500,
  retryMaxDelayMs: 30_000,
  breakerThreshold: 5,
  breakerHalfOpenAfterMs: 10_000,
  breakerMaxHalfOpenAfterMs: 300_000,
  failurePauseMs: 2_000,
  failureMaxPauseMs: 60_000,
  authPauseMs: 60_000,
  authMaxPauseMs: 600_000,
  messageFetchConcurrency: 4,
  webhookCheckMs: 3 * 60 * 60_000,
  webhooksOnLocalUrls: false,
  degradedAlertAfterMs: 10 * 60_000,
  alertCheckIntervalMs: 5_000,
  alertWebhookAttempts: 8,
  alertWebhookRetryInitialMs: 5_000,
  alertWebhookRetryMaxMs: 10 * 60_000,
  alertWebhookTimeoutMs: 10_000,
  alertWebhooksToLocalUrls: false,
};

/**
 * For provider calls an agent waits on (opening a chat, scrolling back): a couple of quick
 * retries, then the UI says "unavailable"; the background sync catches up on whatever they miss.
 */
export const AGENT_WAITING_TUNING: SyncTuning = {
  ...DEFAULT_TUNING,
  retryAttempts: 3,
  retryInitialDelayMs: 200,
  retryMaxDelayMs: 1_000,
  messageFetchConcurrency: 1,
};
