import { auth } from "@/lib/auth/auth";
import { AppError } from "@/lib/errors";

export type StaffRole = "admin" | "agent";

export type StaffSession = {
  userId: string;
  name: string;
  email: string;
  role: StaffRole;
};

/** The signed-in staff member of a request, or null. */
export async function getStaffSession(headers: Headers): Promise<StaffSession | null> {
  const session = await auth().api.getSession({ headers });
  if (!session) return null;
  const { user } = session;
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    role: user.role === "admin" ? "admin" : "agent",
  };
}

export async function requireSession(headers: Headers): Promise<StaffSession> {
  const session = await getStaffSession(headers);
  if (!session) throw new AppError("UNAUTHORIZED", "Sign in to continue");
  return session;
}
