import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEEDED, agents as seededAgents } from "@/emulator/fixtures";
import type { RunningEmulator } from "@/emulator/server";
import { HttpBrowser } from "../../scripts/lib/http-browser";
import {
  APP_CALLBACK,
  CLIENTS,
  authorizePath,
  codeOf,
  issueTokens,
  json,
  postToken,
  start,
  type TokenResponse,
} from "./helpers";

interface WireAgent {
  id: string;
  account_id: string;
  name: string;
  avatar_path: string;
  role: string;
  login_status: string;
  [field: string]: unknown;
}

let emulator: RunningEmulator;
let alice: TokenResponse;
let greta: TokenResponse;
beforeAll(async () => {
  emulator = await start();
  alice = await issueTokens(emulator.url, "alice@acme.test");
  greta = await issueTokens(emulator.url, "greta@globex.test");
});
afterAll(() => emulator.close());

function call(
  action: string,
  token: string,
  body: unknown = {},
  headers: Record<string, string> = {},
  base = emulator.url,
) {
  return fetch(`${base}/v3.6/${action}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}
const listAgents = (token: string, body: unknown = {}, base = emulator.url) =>
  call("configuration/action/list_agents", token, body, {}, base);
/** list_agents sent with `X-Region: region`, as the app does once it knows the region. */
const listAgentsIn = (token: string, region: string) =>
  call("configuration/action/list_agents", token, {}, { "x-region": region });
/** POST /_emulator/organizations/move: LiveChat moves an organization's data to `region`. */
const moveOrganization = (organizationId: string, region: string) =>
  fetch(`${emulator.url}/_emulator/organizations/move`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ organization_id: organizationId, region }),
  });

async function expectWebError(response: Response, status: number, type: string) {
  expect(response.status).toBe(status);
  const body = await json<{
    error: { type: string; message: string; data?: Record<string, unknown> };
  }>(response);
  expect(body.error).toMatchObject({ type, message: expect.any(String) });
  return body.error;
}

async function tokenWithScope(scope: string, email = "alice@acme.test"): Promise<string> {
  const code = codeOf(
    await new HttpBrowser(emulator.url).authorize(
      authorizePath("marketplace-app", { scope }),
      email,
    ),
  );
  const response = await postToken(emulator.url, {
    grant_type: "authorization_code",
    code,
    redirect_uri: APP_CALLBACK,
    ...CLIENTS.marketplace,
  });
  return (await json<TokenResponse>(response)).access_token;
}

describe("list_agents", () => {
  it("lists the token's organization with the default fields", async () => {
    const response = await listAgents(alice.access_token);
    expect(response.status).toBe(200);
    const agents = await json<WireAgent[]>(response);
    expect(agents).toHaveLength(7);
    for (const agent of agents) {
      expect(Object.keys(agent).sort()).toEqual([
        "account_id",
        "avatar_path",
        "id",
        "login_status",
        "name",
        "role",
      ]);
    }
    expect(agents.find((a) => a.id === "alice@acme.test")).toEqual({
      id: "alice@acme.test",
      account_id: SEEDED.accounts.alice,
      name: "Alice Archer",
      avatar_path: `${emulator.url}/avatars/alice.svg`,
      role: "owner",
      login_status: "accepting chats",
    });
    expect(new Set(agents.map((a) => a.role))).toEqual(
      new Set(["owner", "viceowner", "administrator", "normal"]),
    );
    // The only two documented values (configuration-api/index.mdx L221), whatever the agent is doing now.
    expect(new Set(agents.map((a) => a.login_status))).toEqual(
      new Set(["accepting chats", "not accepting chats"]),
    );
    expect(agents.find((a) => a.id === "nora@acme.test")?.login_status).toBe("not accepting chats");
    expect(agents.filter((a) => a.avatar_path === "").map((a) => a.id)).toContain("nora@acme.test");
    // As the docs' listAgents.json sample sends it: a CDN path without a scheme.
    expect(agents.find((a) => a.id === "bella@acme.test")?.avatar_path).toBe(
      "cdn.livechatinc.com/avatars/1.png",
    );
  });

  it("accepts every documented fields[] value", async () => {
    const fields = [
      "groups",
      "work_scheduler",
      "email_subscriptions",
      "notifications",
      "job_title",
      "mobile",
      "max_chats_count",
      "suspended",
      "awaiting_approval",
      "last_logout",
    ];
    const response = await listAgents(alice.access_token, { fields });
    expect(response.status).toBe(200);
    const agents = await json<WireAgent[]>(response);
    expect(agents.find((a) => a.id === "alice@acme.test")).toMatchObject({
      mobile: "+1 312 555 0100",
      email_subscriptions: ["daily_summary", "weekly_summary"],
      notifications: expect.arrayContaining(["incoming_chat"]),
      awaiting_approval: false,
      work_scheduler: {
        timezone: expect.any(String),
        schedule: expect.arrayContaining([
          { day: "monday", enabled: true, start: "09:00", end: "17:00" },
        ]),
      },
    });
    expect(agents.find((a) => a.id === "dora@acme.test")?.awaiting_approval).toBe(true);
    // Like last_logout, a mobile number the agent never gave is left out.
    expect(agents.find((a) => a.id === "victor@acme.test")).not.toHaveProperty("mobile");
    const one = await call("configuration/action/get_agent", alice.access_token, {
      id: "alice@acme.test",
      fields,
    });
    expect(one.status).toBe(200);
    expect(await json(one)).toMatchObject({
      work_scheduler: expect.any(Object),
      mobile: "+1 312 555 0100",
    });
  });

  it("adds the requested fields", async () => {
    const fields = ["job_title", "max_chats_count", "groups", "last_logout", "suspended"];
    const agents = await json<WireAgent[]>(await listAgents(alice.access_token, { fields }));
    const alicesRow = agents.find((a) => a.id === "alice@acme.test");
    expect(alicesRow).toMatchObject({
      job_title: "Head of Support",
      max_chats_count: 6,
      suspended: false,
      groups: [
        { id: 0, priority: "first" },
        { id: 1, priority: "supervisor" },
      ],
    });
    expect(alicesRow).not.toHaveProperty("last_logout");
    expect(agents.find((a) => a.id === "nora@acme.test")?.last_logout).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("honours the group_ids and suspended filters", async () => {
    const ids = async (filters: unknown) =>
      (await json<WireAgent[]>(await listAgents(alice.access_token, { filters })))
        .map((a) => a.id)
        .sort();
    expect(await ids({ group_ids: [1] })).toEqual([
      "adam@acme.test",
      "alice@acme.test",
      "bella@acme.test",
    ]);
    expect(await ids({ suspended: true })).toEqual(["dora@acme.test"]);
    expect(await ids({ suspended: false, group_ids: [1] })).toHaveLength(3);
    expect(await ids({ suspended: false })).toHaveLength(6);
  });

  it("serves 500 agents to the other organization, never mixing organizations", async () => {
    const agents = await json<WireAgent[]>(await listAgents(greta.access_token));
    expect(agents).toHaveLength(500);
    expect(new Set(agents.map((a) => a.id)).size).toBe(500);
    expect(agents.every((a) => a.id.endsWith("@globex.test"))).toBe(true);
    expect(agents.some((a) => a.avatar_path === "")).toBe(true);
    expect(agents[2]).toMatchObject({ id: "clara.adler@globex.test", name: "Clara Adler" });
  });

  it("generates the same agents on every start", async () => {
    const other = await start();
    try {
      const again = await issueTokens(other.url, "greta@globex.test");
      const first = await json<WireAgent[]>(
        await listAgents(greta.access_token, { fields: ["groups"] }),
      );
      const second = await json<WireAgent[]>(
        await listAgents(again.access_token, { fields: ["groups"] }, other.url),
      );
      // Only the avatars' origin differs: each emulator serves its own.
      expect(JSON.parse(JSON.stringify(second).replaceAll(other.url, emulator.url))).toEqual(first);
    } finally {
      await other.close();
    }
  });
});

describe("avatars", () => {
  it("serves the avatars it lists as SVG, outside the request log", async () => {
    await fetch(`${emulator.url}/_emulator/requests`, { method: "DELETE" });
    const response = await fetch(`${emulator.url}/avatars/alice.svg`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/svg+xml");
    expect(await response.text()).toContain(">AA</text>");
    expect((await fetch(`${emulator.url}/avatars/nora.svg`)).status).toBe(404);
    expect(await json(await fetch(`${emulator.url}/_emulator/requests`))).toMatchObject({
      total: 0,
    });
  });
});

describe("get_agent", () => {
  const getAgent = (token: string, body: unknown) =>
    call("configuration/action/get_agent", token, body);

  it("answers `avatar` as a full URL, not list_agents' `avatar_path`, as the docs' samples differ", async () => {
    const avatarOf = async (id: string) =>
      json<Record<string, unknown>>(await getAgent(alice.access_token, { id }));
    const bella = await avatarOf("bella@acme.test");
    expect(bella).not.toHaveProperty("avatar_path");
    expect(bella.avatar).toBe("https://cdn.livechatinc.com/avatars/1.png");
    expect((await avatarOf("alice@acme.test")).avatar).toBe(`${emulator.url}/avatars/alice.svg`);
  });

  it("returns one agent of the token's organization with the requested fields", async () => {
    const response = await getAgent(alice.access_token, {
      id: "victor@acme.test",
      fields: ["job_title"],
    });
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({
      id: "victor@acme.test",
      role: "viceowner",
      job_title: "Support Lead",
    });
  });

  it("answers 404 not_found for an unknown agent and another organization's agent", async () => {
    await expectWebError(
      await getAgent(alice.access_token, { id: "nobody@acme.test" }),
      404,
      "not_found",
    );
    await expectWebError(
      await getAgent(alice.access_token, { id: "greta@globex.test" }),
      404,
      "not_found",
    );
  });

  it("lets agents--my read only the token's own agent", async () => {
    const token = await tokenWithScope("agents--my:rw", "nora@acme.test");
    expect((await getAgent(token, { id: "nora@acme.test" })).status).toBe(200);
    await expectWebError(await getAgent(token, { id: "alice@acme.test" }), 403, "authorization");
  });

  it("refuses a body without an id", async () => {
    await expectWebError(await getAgent(alice.access_token, {}), 400, "validation");
  });
});

describe("list_routing_statuses", () => {
  const statuses = (token: string, body: unknown = {}) =>
    call("agent/action/list_routing_statuses", token, body);

  it("lists the logged-in agents' routing statuses, leaving logged-out humans out", async () => {
    const body = await json<{ agent_id: string; status: string }[]>(
      await statuses(alice.access_token),
    );
    // Humans are only accepting_chats or not_accepting_chats (agent-chat-api/index.mdx L2192).
    expect(body).toHaveLength(5);
    expect(body).toContainEqual({ agent_id: "alice@acme.test", status: "accepting_chats" });
    expect(body).toContainEqual({ agent_id: "victor@acme.test", status: "not_accepting_chats" });
    expect(body.map((s) => s.agent_id)).not.toContain("nora@acme.test");
    expect(body.map((s) => s.agent_id)).not.toContain("dora@acme.test");
    expect(new Set(body.map((s) => s.status))).toEqual(
      new Set(["accepting_chats", "not_accepting_chats"]),
    );
  });

  it("honours group_ids", async () => {
    const body = await json<{ agent_id: string }[]>(
      await statuses(greta.access_token, { filters: { group_ids: [0] } }),
    );
    const loggedIn = seededAgents.filter(
      (a) =>
        a.organization_id === SEEDED.organizations.globex &&
        a.routing_status !== "offline" &&
        a.groups.some((g) => g.id === 0),
    );
    expect(loggedIn.length).toBeGreaterThan(50);
    expect(body).toHaveLength(loggedIn.length);
  });
});

describe("list_groups", () => {
  interface WireGroup {
    id: number;
    name: string;
    language_code: string;
    routing_status: string;
    agent_priorities?: Record<string, string>;
  }
  const listGroups = (token: string, body: unknown = {}) =>
    call("configuration/action/list_groups", token, body);

  it("names the token's organization's groups, as the docs' sample shapes them", async () => {
    const response = await listGroups(alice.access_token);
    expect(response.status).toBe(200);
    const groups = await json<WireGroup[]>(response);
    expect(groups).toEqual([
      { id: 0, name: "General", language_code: "en", routing_status: "accepting_chats" },
      { id: 1, name: "Billing", language_code: "en", routing_status: "accepting_chats" },
      { id: 2, name: "Sales", language_code: "en", routing_status: "offline" },
    ]);
    const globex = await json<WireGroup[]>(await listGroups(greta.access_token));
    expect(globex.map((g) => g.name)).toEqual([
      "General",
      "Deutsch",
      "Français",
      "Italiano",
      "Español",
    ]);
  });

  it("names every group an agent of the organization is in", async () => {
    for (const [org, token] of [
      [SEEDED.organizations.acme, alice.access_token],
      [SEEDED.organizations.globex, greta.access_token],
    ] as const) {
      const named = new Set((await json<WireGroup[]>(await listGroups(token))).map((g) => g.id));
      const used = seededAgents
        .filter((a) => a.organization_id === org)
        .flatMap((a) => a.groups.map((g) => g.id));
      expect(used.filter((id) => !named.has(id))).toEqual([]);
    }
  });

  it("adds agent_priorities when asked, from the agents' own groups", async () => {
    const groups = await json<WireGroup[]>(
      await listGroups(alice.access_token, { fields: ["agent_priorities", "routing_status"] }),
    );
    expect(groups.find((g) => g.id === 1)?.agent_priorities).toEqual({
      "alice@acme.test": "supervisor",
      "adam@acme.test": "normal",
      "bella@acme.test": "first",
    });
    expect(groups.find((g) => g.id === 2)?.agent_priorities).toEqual({});
    expect(await json<WireGroup[]>(await listGroups(alice.access_token))).not.toContainEqual(
      expect.objectContaining({ agent_priorities: expect.anything() }),
    );
  });

  it("refuses a token without groups--all:ro with 403 authorization, agents scope or not", async () => {
    const agentsOnly = await tokenWithScope("accounts--my:ro,agents--all:ro");
    expect((await listAgents(agentsOnly)).status).toBe(200);
    const error = await expectWebError(await listGroups(agentsOnly), 403, "authorization");
    expect(error.message).toContain("scope");
    await expectWebError(
      await listGroups(await tokenWithScope("agents--my:rw")),
      403,
      "authorization",
    );
  });

  it.each([
    ["an unknown field", { fields: ["members"] }],
    ["an unknown key", { filters: {} }],
  ])("refuses %s with 400 validation", async (_, body) => {
    await expectWebError(await listGroups(alice.access_token, body), 400, "validation");
  });
});

describe("legacy v2 agents", () => {
  it("serves /v2/agents and /agents with X-API-Version: 2", async () => {
    for (const [path, headers] of [
      ["/v2/agents", {}],
      ["/agents", { "x-api-version": "2" }],
    ] as const) {
      const response = await fetch(`${emulator.url}${path}`, {
        headers: { authorization: `Bearer ${alice.access_token}`, ...headers },
      });
      expect(response.status).toBe(200);
      const agents = await json<Record<string, string>[]>(response);
      expect(agents).toContainEqual({
        login: "alice@acme.test",
        name: "Alice Archer",
        permission: "owner",
        avatar: `${emulator.url}/avatars/alice.svg`,
        status: "accepting chats",
      });
    }
  });

  it("refuses /agents without the version header", async () => {
    const response = await fetch(`${emulator.url}/agents`, {
      headers: { authorization: `Bearer ${alice.access_token}` },
    });
    await expectWebError(response, 400, "unsupported_version");
  });
});

describe("refusals", () => {
  it("refuses a missing, unknown, expired or revoked token with 401 authentication", async () => {
    const noToken = await fetch(`${emulator.url}/v3.6/configuration/action/list_agents`, {
      method: "POST",
      body: "{}",
    });
    await expectWebError(noToken, 401, "authentication");
    await expectWebError(await listAgents("dal:made-up"), 401, "authentication");
    const expired = await issueTokens(emulator.url);
    await fetch(`${emulator.url}/_emulator/tokens/expire`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ access_token: expired.access_token }),
    });
    await expectWebError(await listAgents(expired.access_token), 401, "authentication");
    const revoked = await issueTokens(emulator.url);
    await fetch(`${emulator.url}/v2/token`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${revoked.access_token}` },
    });
    await expectWebError(await listAgents(revoked.access_token), 401, "authentication");
    const legacy = await fetch(`${emulator.url}/v2/agents`, {
      headers: { authorization: `Bearer ${revoked.access_token}` },
    });
    await expectWebError(legacy, 401, "authentication");
  });

  it("refuses a token without agents--all:ro with 403 authorization", async () => {
    const token = await tokenWithScope("accounts--my:ro");
    await expectWebError(await listAgents(token), 403, "authorization");
    await expectWebError(
      await call("agent/action/list_routing_statuses", token),
      403,
      "authorization",
    );
    const legacy = await fetch(`${emulator.url}/v2/agents`, {
      headers: { authorization: `Bearer ${token}` },
    });
    await expectWebError(legacy, 403, "authorization");
  });

  it("answers a wrong X-Region with 421 misdirected_request naming the token's region", async () => {
    const error = await expectWebError(
      await listAgentsIn(alice.access_token, "fra"),
      421,
      "misdirected_request",
    );
    expect(error.data).toEqual({ region: "dal" });
    const gretaError = await expectWebError(
      await listAgentsIn(greta.access_token, "dal"),
      421,
      "misdirected_request",
    );
    expect(gretaError.data).toEqual({ region: "fra" });
    expect((await listAgentsIn(greta.access_token, "fra")).status).toBe(200);
  });

  it("misdirects calls by an organization's old region once LiveChat has moved it", async () => {
    const move = (region: string) => moveOrganization(SEEDED.organizations.acme, region);
    expect((await move("fra")).status).toBe(200);
    try {
      const byPrefix = () => listAgentsIn(alice.access_token, "dal");
      // The documented body (configuration-api/index.mdx L4384-4399): the right region in data.
      const error = await expectWebError(await byPrefix(), 421, "misdirected_request");
      expect(error).toEqual({
        type: "misdirected_request",
        message: "Wrong region",
        data: { region: "fra" },
      });
      const there = await listAgentsIn(alice.access_token, "fra");
      expect(there.status).toBe(200);
      const log = await json<{ requests: { path: string; region?: string }[] }>(
        await fetch(`${emulator.url}/_emulator/requests`),
      );
      expect(log.requests.at(-1)).toMatchObject({ region: "fra" });
      // Other organizations stay where they are.
      expect((await listAgentsIn(greta.access_token, "fra")).status).toBe(200);
    } finally {
      await move("dal");
    }
    expect((await moveOrganization("nope", "fra")).status).toBe(404);
  });

  it.each([
    ["malformed JSON", "{oops"],
    ["an unknown field", { fields: ["salary"] }],
    ["an unknown key", { filter: {} }],
    ["a wrong type", { filters: { group_ids: "1" } }],
  ])("refuses %s with 400 validation", async (_, body) => {
    await expectWebError(await listAgents(alice.access_token, body), 400, "validation");
  });

  it("answers an unknown action with 404 not_found", async () => {
    await expectWebError(
      await call("configuration/action/delete_everything", alice.access_token),
      404,
      "not_found",
    );
  });
});
