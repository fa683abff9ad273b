import { auth } from "@/lib/auth/auth";
import { forgetVerifiedSession } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return auth().handler(request);
}

export async function POST(request: Request) {
  if (new URL(request.url).pathname.endsWith("/sign-out")) forgetVerifiedSession(request.headers);
  return auth().handler(request);
}
