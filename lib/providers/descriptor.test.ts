import { describe, expect, it } from "vitest";
import { PROVIDER_INFO } from "@/lib/providers/catalog.types";
import { providerDescriptors } from "@/lib/providers/registry";
import { declaredCapabilities, PROVIDER_KINDS } from "@/lib/providers/types";

describe("provider descriptors", () => {
  it("exist for every provider kind, the browser-safe part and the server's alike", () => {
    expect(Object.keys(PROVIDER_INFO).sort()).toEqual([...PROVIDER_KINDS].sort());
    expect(providerDescriptors().map((descriptor) => descriptor.kind)).toEqual([...PROVIDER_KINDS]);
  });

  it.each(providerDescriptors())("$kind declares exactly the capabilities its adapter has", (descriptor) => {
    const provider = descriptor.create({
      id: "descriptor-test",
      kind: descriptor.kind,
      baseUrl: descriptor.defaultBaseUrl ?? "http://127.0.0.1:9",
      credentials: { token: "token" },
      settings: {},
    });
    expect(provider.kind).toBe(descriptor.kind);
    expect(declaredCapabilities(provider)).toEqual([...descriptor.capabilities]);
  });

  it.each(Object.values(PROVIDER_INFO))("$kind describes fields that configuration can fill in", (info) => {
    const required = info.fields.filter((field) => field.required);
    // Without a required value, any environment would configure the provider.
    expect(required.length).toBeGreaterThan(0);
    const url = info.fields.filter((field) => field.target === "baseUrl");
    expect(url).toHaveLength(1);
    expect(url[0]?.required).toBe(info.defaultBaseUrl === null);
    for (const field of info.fields) {
      if (field.target === "baseUrl") continue;
      const schema = field.target === "credentials" ? info.credentialsSchema : info.settingsSchema;
      expect(Object.keys(schema.shape)).toContain(field.key);
    }
  });

  it("gives every variable to one provider only", () => {
    const names = Object.values(PROVIDER_INFO).flatMap((info) => info.fields.map((field) => field.env));
    expect(new Set(names).size).toBe(names.length);
  });
});
