/**
 * The sandbox providers in a process of their own (run with tsx, which loads what the providers
 * import), for suites that configure app instances with real provider settings. Prints one JSON
 * line with each provider's address and settings, and stops when its parent closes stdin.
 *
 *   node --import tsx e2e/security/sandbox-process.ts '{"max":"token",...}'
 */
import { startSandbox } from "@/sandbox/start-sandbox";

const tokens = JSON.parse(process.argv[2] ?? "{}") as Record<string, string>;
const small = { chats: 6, messagesPerChat: 6 };
const sandbox = await startSandbox({
  tgbridge: { token: tokens.tgbridge, data: small },
  smartsender: { token: tokens.smartsender, data: small },
  max: { token: tokens.max, data: small },
  chatops: { token: tokens.chatops, data: small },
});
const addresses = Object.fromEntries(
  Object.values(sandbox.fakes).map((fake) => [fake.kind, { url: fake.url, settings: fake.connection().settings }]),
);
process.stdout.write(`${JSON.stringify(addresses)}\n`);
process.stdin.resume();
process.stdin.on("end", () => {
  void sandbox.close().then(() => process.exit(0));
});
