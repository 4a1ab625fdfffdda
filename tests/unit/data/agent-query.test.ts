import { describe, expect, it } from "vitest";
import {
  AGENT_ROLES,
  AGENT_SORTS,
  AGENT_STATUSES,
  DEFAULT_AGENT_QUERY,
  PAGE_SIZE,
  agentQuerySearch,
  parseAgentQuery,
} from "@/lib/data/agent-query";

describe("parseAgentQuery", () => {
  it("gives the default view for no parameters", () => {
    expect(parseAgentQuery({})).toEqual({
      q: "",
      status: null,
      role: null,
      sort: "name",
      page: 1,
    });
    expect(DEFAULT_AGENT_QUERY).toEqual(parseAgentQuery({}));
  });

  it("reads every parameter", () => {
    expect(
      parseAgentQuery({
        q: "  smith ",
        status: "not_accepting_chats",
        role: "viceowner",
        sort: "role",
        page: "3",
      }),
    ).toEqual({
      q: "smith",
      status: "not_accepting_chats",
      role: "viceowner",
      sort: "role",
      page: 3,
    });
  });

  it.each(["abc", "0", "-3", "1.5", "1e9", "", " 2", "0x10", "99999999999999999999"])(
    "falls back to page 1 for ?page=%j",
    (page) => {
      expect(parseAgentQuery({ page }).page).toBe(1);
    },
  );

  it("keeps a large page as it is: the board clamps it to the last page", () => {
    expect(parseAgentQuery({ page: "1000000" }).page).toBe(1_000_000);
  });

  it("falls back to the default for unknown values", () => {
    expect(parseAgentQuery({ sort: "evil", status: "busy", role: "root", q: undefined })).toEqual(
      DEFAULT_AGENT_QUERY,
    );
    expect(parseAgentQuery({ sort: "NAME", status: "Offline" })).toMatchObject({
      sort: "name",
      status: null,
    });
    expect(parseAgentQuery({ sort: "toString", role: "__proto__" })).toMatchObject({
      sort: "name",
      role: null,
    });
  });

  it("takes the first of repeated parameters", () => {
    expect(
      parseAgentQuery({ q: ["a", "b"], status: ["offline", "x"], page: ["2", "5"], sort: [] }),
    ).toEqual({ ...DEFAULT_AGENT_QUERY, q: "a", status: "offline", page: 2 });
  });

  it("caps a 10 KB search at 100 characters, trimmed", () => {
    const q = parseAgentQuery({ q: `   ${"x".repeat(10_000)}` }).q;
    expect(q).toBe("x".repeat(100));
    expect(parseAgentQuery({ q: `${"a".repeat(99)} b` }).q).toBe("a".repeat(99));
    expect(parseAgentQuery({ q: " \t " }).q).toBe("");
  });

  it("never cuts a character in half", () => {
    const q = parseAgentQuery({ q: "😀".repeat(150) }).q;
    expect(Array.from(q)).toHaveLength(100);
    expect(q).toBe("😀".repeat(100));
  });
});

describe("agentQuerySearch", () => {
  it("is empty for the default view", () => {
    expect(agentQuerySearch(DEFAULT_AGENT_QUERY)).toBe("");
  });

  it("leaves out defaults and keeps a fixed order", () => {
    expect(agentQuerySearch({ ...DEFAULT_AGENT_QUERY, page: 2, q: "ann" })).toBe("?q=ann&page=2");
    expect(
      agentQuerySearch({ q: "a b&c", status: "offline", role: "normal", sort: "status", page: 4 }),
    ).toBe("?q=a+b%26c&status=offline&role=normal&sort=status&page=4");
  });

  it("round-trips through parseAgentQuery", () => {
    const query = { q: "zoë?", status: null, role: "owner", sort: "role", page: 7 } as const;
    const params = Object.fromEntries(new URLSearchParams(agentQuerySearch(query)));
    expect(parseAgentQuery(params)).toEqual(query);
  });
});

describe("the allowed values", () => {
  it("lists what the pickers offer", () => {
    expect(PAGE_SIZE).toBe(50);
    expect(AGENT_STATUSES).toEqual(["accepting_chats", "not_accepting_chats", "offline"]);
    expect(AGENT_ROLES).toEqual(["owner", "viceowner", "administrator", "normal"]);
    expect(AGENT_SORTS).toEqual(["name", "status", "role"]);
  });
});
