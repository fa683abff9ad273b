import { ConnectionsAdmin } from "@/components/admin/connections-admin";

export const dynamic = "force-dynamic";

export default function ConnectionsPage() {
  return <ConnectionsAdmin />;
}
