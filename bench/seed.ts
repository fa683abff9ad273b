import pg from "pg";

/**
 * The benchmark's data set: big enough to show what years of support chats do to every query.
 * Scale 1 is 100,000 chats and 2,000,000 messages; `--scale 10` is ten times that, with the same
 * one long chat.
 */
export function benchSize(scale: number) {
  return {
    chats: 100_000 * scale,
    messages: 2_000_000 * scale,
    /** One chat this long (its external id is BIG_CHAT_EXTERNAL_ID). */
    bigChatMessages: 100_000,
  };
}
export type BenchSize = ReturnType<typeof benchSize>;

export const BIG_CHAT_EXTERNAL_ID = "bench-big";

/** The team the chats are assigned to: the benchmark's own user and this many teammates. */
const TEAMMATES = 19;

/**
 * The seeded connections are the ones the app configures from environment variables
 * (slug `env:<kind>`), pointed at a closed port: the benchmark measures the inbox's own code,
 * with provider sync switched off.
 */
export const UNREACHABLE_PROVIDER_URL = "http://127.0.0.1:9";

const PHRASES = [
  "Здравствуйте! Мой заказ до сих пор не пришёл, подскажите, где он?",
  "Добрый день, не могу войти в личный кабинет.",
  "Спасибо, всё получилось!",
  "Когда будет возврат денег? Прошло уже пять дней.",
  "Приложение вылетает при оплате картой.",
  "Доброго дня! Замовлення досі не надійшло, підкажіть, будь ласка.",
  "Не можу оплатити карткою, пише помилку.",
  "Дякую за допомогу!",
  "Hi, my order hasn't arrived yet. Could you check the status?",
  "I was charged twice for the same subscription.",
  "Thanks, that fixed it!",
  "How do I change the email on my account?",
  "Hello! Let me look into that for you.",
  "Your order is on its way; the tracking number is in your inbox.",
  "Возврат оформлен, деньги придут в течение 3 рабочих дней.",
  "Could you share your order number, please?",
];

const NAMES = ["Анна Иванова", "Олександр Шевченко", "Emily Smith", "Дмитрий Попов", "Оксана Коваленко", "James Brown"];

/**
 * Runs a bulk insert or update of chats without the per-row triggers that keep the view and unread
 * totals, then counts the totals once. Row by row, a million changes of the same few total rows in
 * one transaction each walk the row's growing chain of versions: hours instead of seconds.
 */
function withoutRowTriggers(sql: string): string {
  return `SET session_replication_role = replica;
    ${sql};
    SET session_replication_role = DEFAULT;
    DELETE FROM chat_view_totals;
    INSERT INTO chat_view_totals (connection_id, assignee_id, inbox_status, chats, needs_reply)
      SELECT connection_id, COALESCE(assignee_id, ''), inbox_status, count(*),
        count(*) FILTER (WHERE inbox_status = 'open' AND waiting_since IS NOT NULL)
      FROM chats GROUP BY 1, 2, 3;
    DELETE FROM connection_unread_totals;
    INSERT INTO connection_unread_totals (connection_id, unread, chats)
      SELECT connection_id, sum(unread_count), count(*) FROM chats WHERE unread_count > 0 GROUP BY connection_id`;
}

function sqlArray(values: readonly string[]): string {
  return `ARRAY[${values.map((value) => `'${value.replaceAll("'", "''")}'`).join(",")}]`;
}

/**
 * Fills an empty, migrated database with `size.chats` chats over four connections and
 * `size.messages` messages (one chat with 100,000), with reactions and attachments in realistic proportions,
 * entirely in SQL (generate_series): minutes, not hours. Indexes on messages are dropped during
 * the load and rebuilt after, which is several times faster than maintaining them row by row.
 */
export async function seedBenchData(databaseUrl: string, size: BenchSize, log: (line: string) => void): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const step = async (label: string, sql: string) => {
    const started = Date.now();
    await client.query(sql);
    log(`  ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  };
  try {
    await client.query("SET maintenance_work_mem = '512MB'; SET work_mem = '64MB'; SET synchronous_commit = off");
    const phrases = sqlArray(PHRASES);
    const names = sqlArray(NAMES);
    const perChat = Math.floor((size.messages - size.bigChatMessages) / (size.chats - 1));
    const spread = size.messages - size.bigChatMessages - perChat * (size.chats - 1);

    await step(
      "4 connections",
      `INSERT INTO connections (slug, kind, display_name, base_url, is_sandbox, health, last_sync_at)
       SELECT 'env:' || k, k::"ProviderKind", initcap(k), '${UNREACHABLE_PROVIDER_URL}', false, 'ok', now()
       FROM unnest(ARRAY['tgbridge','smartsender','max','chatops']) AS k`,
    );
    await step(
      `${size.chats.toLocaleString("en")} chats`,
      // Without triggers, so activity_at is set here as its trigger would (the last message's time).
      withoutRowTriggers(`WITH conns AS (SELECT array_agg(id ORDER BY slug) AS ids FROM connections WHERE slug LIKE 'env:%')
       INSERT INTO chats (connection_id, external_id, kind, title, status, phone, provider_created_at,
         last_message_at, activity_at, last_inbound_at, last_message_preview, unread_count, participants_count, public_link)
       SELECT conns.ids[1 + (i % 4)],
         CASE WHEN i = 1 THEN '${BIG_CHAT_EXTERNAL_ID}' ELSE 'bench-' || i END,
         (CASE WHEN i % 10 = 0 THEN 'group' ELSE 'dialog' END)::"ChatKind",
         (${names})[1 + (i % ${NAMES.length})] || ' #' || i,
         (CASE WHEN i % 7 = 0 THEN 'closed' ELSE 'open' END)::"ChatStatus",
         '+7' || lpad((9000000000 + i::bigint * 7919 % 999999999)::text, 10, '0'),
         now() - interval '730 days' + (i * interval '1 minute' / 200),
         now() - (i * interval '5 minutes'),
         now() - (i * interval '5 minutes'),
         now() - (i * interval '5 minutes'),
         (${phrases})[1 + (i % ${PHRASES.length})],
         CASE WHEN i % 5 = 0 THEN 1 + (i % 4) ELSE 0 END,
         CASE WHEN i % 10 = 0 THEN 3 + (i % 40) ELSE 2 END,
         CASE WHEN i % 10 = 0 THEN 'https://t.me/+bench' || i ELSE NULL END
       FROM generate_series(1, ${size.chats}) AS i, conns`),
    );
    await step(
      "drop message indexes for the bulk load",
      `ALTER TABLE messages DROP CONSTRAINT messages_reply_to_id_fkey;
       DROP INDEX messages_chat_id_external_id_key, messages_chat_id_created_at_id_idx,
         messages_chat_id_reply_to_external_id_idx, messages_reply_to_id_idx, messages_search_vector_idx`,
    );
    // Messages load without row or statement triggers; the report's rollups are rebuilt once after.
    await client.query("SET session_replication_role = replica");
    await step(
      `${size.bigChatMessages.toLocaleString("en")} messages in one chat`,
      `INSERT INTO messages (chat_id, external_id, direction, author_name, text, created_at, delivery_state)
       SELECT c.id, 'm' || n,
         (CASE WHEN n % 3 = 0 THEN 'outbound' ELSE 'inbound' END)::"MessageDirection",
         CASE WHEN n % 3 = 0 THEN 'Support' ELSE c.title END,
         (${phrases})[1 + (n % ${PHRASES.length})] || ' (' || n || ')',
         c.last_message_at - (n * interval '5 minutes'),
         CASE WHEN n % 3 = 0 THEN 'sent'::"DeliveryState" END
       FROM chats c, generate_series(0, ${size.bigChatMessages - 1}) AS n
       WHERE c.external_id = '${BIG_CHAT_EXTERNAL_ID}'`,
    );
    await step(
      `${(size.messages - size.bigChatMessages).toLocaleString("en")} messages in the other chats`,
      `INSERT INTO messages (chat_id, external_id, direction, author_name, text, created_at, delivery_state)
       SELECT c.id, 'm' || n,
         (CASE WHEN n % 3 = 1 THEN 'outbound' ELSE 'inbound' END)::"MessageDirection",
         CASE WHEN n % 3 = 1 THEN 'Support' ELSE c.title END,
         (${phrases})[1 + ((c.id + n) % ${PHRASES.length})],
         c.last_message_at - (n * interval '7 minutes'),
         CASE WHEN n % 3 = 1 THEN 'sent'::"DeliveryState" END
       FROM chats c, generate_series(0, ${perChat - 1}) AS n
       WHERE c.external_id <> '${BIG_CHAT_EXTERNAL_ID}'
       UNION ALL
       SELECT c.id, 'x' || c.id, 'inbound', c.title, 'P.S. ' || c.title, c.last_message_at - interval '10 days', NULL
       FROM chats c WHERE c.external_id <> '${BIG_CHAT_EXTERNAL_ID}' AND c.id BETWEEN 2 AND ${spread + 1}`,
    );
    await step(
      "rebuild message indexes",
      `CREATE UNIQUE INDEX messages_chat_id_external_id_key ON messages (chat_id, external_id);
       CREATE INDEX messages_chat_id_created_at_id_idx ON messages (chat_id, created_at DESC, id DESC);
       CREATE INDEX messages_chat_id_reply_to_external_id_idx ON messages (chat_id, reply_to_external_id);
       CREATE INDEX messages_reply_to_id_idx ON messages (reply_to_id);
       CREATE INDEX messages_search_vector_idx ON messages USING GIN (search_vector);`,
    );
    await step(
      "replies (every 10th message quotes the one before it)",
      `UPDATE messages m SET reply_to_id = p.id, reply_to_external_id = p.external_id,
         reply_quote_author = p.author_name, reply_quote_text = left(p.text, 160)
       FROM messages p
       WHERE m.id % 10 = 0 AND p.id = m.id - 1 AND p.chat_id = m.chat_id;
       ALTER TABLE messages ADD CONSTRAINT messages_reply_to_id_fkey FOREIGN KEY (reply_to_id)
         REFERENCES messages(id) ON DELETE SET NULL ON UPDATE CASCADE`,
    );
    await client.query("SET session_replication_role = DEFAULT");
    await step(
      "report rollups (customer waits, chat starts, counts per quarter-hour)",
      // Statistics first: the rebuild probes each chat's messages through their index.
      "ANALYZE messages, chats; SELECT report_rebuild_rollups()",
    );
    await step(
      "reactions (on 5% of messages)",
      `INSERT INTO reactions (message_id, emoji, author_name)
       SELECT id, (ARRAY['👍','❤️','😂','🙏','🔥'])[1 + (id % 5)], 'Support'
       FROM messages WHERE id % 20 = 3`,
    );
    await step(
      "attachments (on 4% of messages, every kind)",
      `INSERT INTO attachments (message_id, kind, url, file_name, mime_type, size, latitude, longitude, contact_name, contact_phone)
       SELECT id, k::"AttachmentKind",
         CASE WHEN k IN ('location','contact') THEN NULL ELSE '${UNREACHABLE_PROVIDER_URL}/__media/bench-' || id || '.' ||
           CASE k WHEN 'image' THEN 'png' WHEN 'video' THEN 'mp4' WHEN 'audio' THEN 'mp3' ELSE 'pdf' END END,
         CASE WHEN k = 'file' THEN 'invoice-' || id || '.pdf' END,
         CASE k WHEN 'image' THEN 'image/png' WHEN 'video' THEN 'video/mp4' WHEN 'audio' THEN 'audio/mpeg'
           WHEN 'file' THEN 'application/pdf' END,
         CASE WHEN k IN ('image','video','audio','file') THEN 10000 + id % 5000000 END,
         CASE WHEN k = 'location' THEN 55.75 END, CASE WHEN k = 'location' THEN 37.62 END,
         CASE WHEN k = 'contact' THEN 'Олена Мельник' END, CASE WHEN k = 'contact' THEN '+380501234567' END
       FROM (SELECT id, (ARRAY['image','image','image','file','file','video','audio','location','contact','sticker'])[1 + (id / 25 % 10)] AS k
             FROM messages WHERE id % 25 = 7) AS picked`,
    );
    await step(
      "waiting customers (every chat's newest message is the customer's)",
      withoutRowTriggers(`UPDATE chats SET waiting_since = last_message_at`),
    );
    await step("vacuum and analyze", "VACUUM ANALYZE");
  } finally {
    await client.end();
  }
}

/**
 * Gives the chats to a team of 20 (the benchmark's signed-in user and 19 teammates) with 28% left
 * unassigned, once per database: the Mine view then reads one agent's chats, 1 in 20 of all.
 * The signed-in user is made by the app at start (ADMIN_EMAIL), so this runs after sign-in.
 */
export async function seedTeamWork(client: pg.Client, viewerId: string, log: (line: string) => void): Promise<void> {
  const assigned = await client.query("SELECT 1 FROM chats WHERE assignee_id IS NOT NULL LIMIT 1");
  if (assigned.rowCount) return;
  const started = Date.now();
  await client.query(
    `INSERT INTO users (id, name, email, role)
     SELECT 'bench-agent-' || i, 'Agent ' || i, 'agent' || i || '@bench.local', 'agent'
     FROM generate_series(1, ${TEAMMATES}) AS i
     ON CONFLICT DO NOTHING`,
  );
  await client.query(
    withoutRowTriggers(`UPDATE chats SET assignee_id = CASE
       WHEN id % 25 < 7 THEN NULL
       WHEN id % 20 = 0 THEN ${client.escapeLiteral(viewerId)}
       ELSE 'bench-agent-' || (id % 20) END`),
  );
  await client.query("VACUUM ANALYZE chats");
  log(`  chats assigned to a team of ${TEAMMATES + 1} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

/** One send in a thousand failed, once per database: what the Not delivered view reads. */
export async function seedFailedSends(client: pg.Client, log: (line: string) => void): Promise<void> {
  const failed = await client.query(
    "SELECT 1 FROM messages WHERE direction = 'outbound' AND delivery_state = 'failed' LIMIT 1",
  );
  if (failed.rowCount) return;
  const started = Date.now();
  const { rowCount } = await client.query(
    `UPDATE messages SET delivery_state = 'failed', delivery_error = 'Bot was blocked by the user'
     WHERE direction = 'outbound' AND id % 1000 = 3`,
  );
  log(`  ${rowCount} failed sends (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
