import { createHash } from "node:crypto";
import type {
  Account,
  Agent,
  Client,
  CustomerProfile,
  Group,
  Organization,
  Role,
  RoutingStatus,
} from "./types";

// All seeded data of the emulator. Deterministic: the same ids, names and emails on every start.

const ACME = "6f1c2a9e-0d5b-4b7a-9c3e-1a2b3c4d5e01";
const GLOBEX = "9b8e7d6c-5a4f-4e3d-8c2b-1a0f9e8d7c02";

/** The seeded ids that tests and scripts name: import them from here, never copy them. */
export const SEEDED = {
  organizations: { acme: ACME, globex: GLOBEX },
  accounts: {
    alice: "0a7e3c1d-5b2f-4c8e-9d1a-00000000a001",
    victor: "0a7e3c1d-5b2f-4c8e-9d1a-00000000a002",
    adam: "0a7e3c1d-5b2f-4c8e-9d1a-00000000a003",
    nora: "0a7e3c1d-5b2f-4c8e-9d1a-00000000a004",
    greta: "1b8f4d2e-6c3a-4d9f-8e2b-00000000b001",
    noah: "1b8f4d2e-6c3a-4d9f-8e2b-00000000b002",
  },
} as const;

export const organizations: readonly Organization[] = [
  {
    organization_id: ACME,
    name: "Acme Support",
    region: "dal",
    token_prefix: "dal",
    license_id: 10_000_001,
  },
  // A `fra-a:` organization, so that a prefix that is not the bare region is tested end to end.
  {
    organization_id: GLOBEX,
    name: "Globex Europe",
    region: "fra",
    token_prefix: "fra-a",
    license_id: 10_000_002,
  },
];

const SEEDED_AT = "2025-01-15T09:00:00.000Z";

/** A UUID-shaped id hashed from a seed, so generated agents keep their ids across restarts. */
function stableUuid(seed: string): string {
  const hex = createHash("sha256").update(seed).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const account = (id: string, email: string, name: string, org: string, role: Role): Account => ({
  account_id: id,
  email,
  name,
  organization_id: org,
  role,
  created_at: SEEDED_AT,
});

export const accounts: readonly Account[] = [
  account(SEEDED.accounts.alice, "alice@acme.test", "Alice Archer", ACME, "owner"),
  account(SEEDED.accounts.victor, "victor@acme.test", "Victor Vance", ACME, "viceowner"),
  account(SEEDED.accounts.adam, "adam@acme.test", "Adam Ashford", ACME, "administrator"),
  account(SEEDED.accounts.nora, "nora@acme.test", "Nora Nash", ACME, "normal"),
  account(SEEDED.accounts.greta, "greta@globex.test", "Greta Gruber", GLOBEX, "owner"),
  account(SEEDED.accounts.noah, "noah@globex.test", "Noah Neumann", GLOBEX, "normal"),
];

type AgentSeed = Pick<Agent, "id" | "name" | "role" | "routing_status"> & Partial<Agent>;

const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday"];
const WORK_SCHEDULER: Agent["work_scheduler"] = {
  timezone: "America/Chicago",
  schedule: ["sunday", ...WEEKDAYS, "saturday"].map((day) => ({
    day,
    enabled: WEEKDAYS.includes(day),
    start: "09:00",
    end: "17:00",
  })),
};

function agent(org: string, seed: AgentSeed): Agent {
  const signedIn = accounts.find((a) => a.email === seed.id);
  const slug = seed.id.split("@")[0] ?? seed.id;
  return {
    account_id: signedIn?.account_id ?? stableUuid(seed.id),
    organization_id: org,
    avatar_path: `/avatars/${slug}.svg`,
    job_title: "",
    max_chats_count: 6,
    groups: [{ id: 0, priority: "normal" }],
    last_logout: seed.routing_status === "offline" ? "2026-01-05T17:30:00.000000Z" : null,
    suspended: false,
    // The documented default (configuration-api/index.mdx L221).
    login_status: "not accepting chats",
    awaiting_approval: false,
    mobile: null,
    notifications: ["new_visitor", "incoming_chat"],
    email_subscriptions: ["weekly_summary"],
    work_scheduler: WORK_SCHEDULER,
    ...seed,
  };
}

const acmeAgents: Agent[] = [
  agent(ACME, {
    id: "alice@acme.test",
    name: "Alice Archer",
    role: "owner",
    routing_status: "accepting_chats",
    login_status: "accepting chats",
    job_title: "Head of Support",
    mobile: "+1 312 555 0100",
    email_subscriptions: ["daily_summary", "weekly_summary"],
    groups: [
      { id: 0, priority: "first" },
      { id: 1, priority: "supervisor" },
    ],
  }),
  agent(ACME, {
    id: "victor@acme.test",
    name: "Victor Vance",
    role: "viceowner",
    routing_status: "not_accepting_chats",
    job_title: "Support Lead",
  }),
  agent(ACME, {
    id: "adam@acme.test",
    name: "Adam Ashford",
    role: "administrator",
    routing_status: "accepting_chats",
    login_status: "accepting chats",
    groups: [{ id: 1, priority: "normal" }],
  }),
  agent(ACME, {
    id: "nora@acme.test",
    name: "Nora Nash",
    role: "normal",
    routing_status: "offline",
    avatar_path: "",
  }),
  agent(ACME, {
    id: "bella@acme.test",
    name: "Bella Brook",
    role: "normal",
    routing_status: "accepting_chats",
    login_status: "accepting chats",
    job_title: "Billing Specialist",
    // As LiveChat's list_agents sample sends it: a CDN path without a scheme
    // (payloads/management/v3.6/configuration-api/responses/agents/listAgents.json).
    avatar_path: "cdn.livechatinc.com/avatars/1.png",
    groups: [{ id: 1, priority: "first" }],
  }),
  agent(ACME, {
    id: "carl@acme.test",
    name: "Carl Cruz",
    role: "normal",
    routing_status: "not_accepting_chats",
    avatar_path: "",
  }),
  agent(ACME, {
    id: "dora@acme.test",
    name: "Dora Diaz",
    role: "administrator",
    routing_status: "offline",
    suspended: true,
    awaiting_approval: true,
  }),
];

const FIRST_NAMES = [
  "Anna",
  "Ben",
  "Clara",
  "David",
  "Eva",
  "Felix",
  "Hanna",
  "Ivan",
  "Julia",
  "Karl",
  "Lena",
  "Max",
  "Olga",
  "Paul",
  "Rita",
  "Sven",
  "Tara",
  "Uwe",
  "Vera",
  "Wim",
];
const LAST_NAMES = [
  "Adler",
  "Bauer",
  "Conti",
  "Dumont",
  "Engel",
  "Fischer",
  "Garcia",
  "Hoffmann",
  "Ivanova",
  "Jansen",
  "Keller",
  "Lorenz",
  "Moreau",
  "Novak",
  "Olsen",
  "Petit",
  "Quint",
  "Rossi",
  "Schulz",
  "Toth",
  "Ulrich",
  "Vogel",
  "Weber",
  "Young",
  "Zeller",
];
const STATUSES: RoutingStatus[] = ["accepting_chats", "not_accepting_chats", "offline"];

/** Globex has exactly 500 agents: its two accounts plus 498 generated from index arithmetic. */
function globexAgent(index: number): Agent {
  const first = FIRST_NAMES[index % FIRST_NAMES.length] ?? "Agent";
  const last = LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length] ?? "Globex";
  const role: Role = index % 50 === 7 ? "viceowner" : index % 10 === 3 ? "administrator" : "normal";
  const suspended = index % 97 === 0;
  return agent(GLOBEX, {
    id: `${first}.${last}@globex.test`.toLowerCase(),
    name: `${first} ${last}`,
    role,
    // A suspended agent cannot take chats, so it never shows up as online.
    routing_status: suspended ? "offline" : (STATUSES[index % STATUSES.length] ?? "offline"),
    login_status: index % 2 === 0 ? "accepting chats" : "not accepting chats",
    avatar_path: index % 4 === 0 ? "" : `/avatars/globex-${index}.svg`,
    job_title: index % 5 === 0 ? "Support Agent" : "",
    groups: [{ id: index % 5, priority: "normal" }],
    suspended,
  });
}

const globexAgents: Agent[] = [
  agent(GLOBEX, {
    id: "greta@globex.test",
    name: "Greta Gruber",
    role: "owner",
    routing_status: "accepting_chats",
    login_status: "accepting chats",
    job_title: "Customer Care Director",
  }),
  agent(GLOBEX, {
    id: "noah@globex.test",
    name: "Noah Neumann",
    role: "normal",
    routing_status: "not_accepting_chats",
    avatar_path: "",
  }),
  ...Array.from({ length: 498 }, (_, i) => globexAgent(i + 2)),
];

export const agents: readonly Agent[] = [...acmeAgents, ...globexAgents];

const group = (org: string, id: number, name: string, language_code = "en"): Group => ({
  id,
  organization_id: org,
  name,
  language_code,
});

/**
 * Each organization's groups, for the ids its agents are in; group 0 is the default one, named
 * "General" as in the docs' sample. Acme's Sales has no agents: list_groups lists it all the same.
 */
export const groups: readonly Group[] = [
  group(ACME, 0, "General"),
  group(ACME, 1, "Billing"),
  group(ACME, 2, "Sales"),
  group(GLOBEX, 0, "General"),
  group(GLOBEX, 1, "Deutsch", "de"),
  group(GLOBEX, 2, "Français", "fr"),
  group(GLOBEX, 3, "Italiano", "it"),
  group(GLOBEX, 4, "Español", "es"),
];

const TEST_PORTS = [3000, 3100, 3101, 3102, 3103];
const REDIRECT_URIS = TEST_PORTS.flatMap((port) => [
  `http://localhost:${port}`,
  `http://127.0.0.1:${port}`,
]);
/** The access scopes every seeded client has in its (imitated) Developer Console. */
const SCOPES = [
  "accounts--my:ro",
  "agents--all:ro",
  "agents--my:rw",
  "chats--all:ro",
  "groups--all:ro",
];

const client = (seed: Omit<Client, "redirect_uris" | "scopes">): Client => ({
  ...seed,
  redirect_uris: REDIRECT_URIS,
  scopes: SCOPES,
});

export const clients: readonly Client[] = [
  client({
    client_id: "marketplace-app",
    client_secret: "marketplace-app-secret",
    name: "Agent Board (Marketplace)",
    application_id: "emuMarketApp",
    app_type: "public",
    client_type: "server_side",
    organization_id: null,
  }),
  client({
    client_id: "private-app",
    client_secret: "private-app-secret",
    name: "Agent Board (Private)",
    application_id: "emuPrivateApp",
    app_type: "private",
    client_type: "server_side",
    organization_id: ACME,
  }),
  client({
    client_id: "javascript-app",
    client_secret: null,
    name: "Agent Board (JavaScript)",
    application_id: "emuJsApp",
    app_type: "public",
    client_type: "javascript",
    organization_id: null,
  }),
];

/** The Agent App imitation's `plugin_id` per placement: made up, fixed, passed in each widget's URL. */
export const pluginIds = {
  fullscreen: "emu-plugin-fullscreen",
  details: "emu-plugin-details",
  settings: "emu-plugin-settings",
} as const;

/** The chats open in the Agent App imitation, first one selected: their customers go to the Details widget. */
export const agentAppChats: readonly { customer: CustomerProfile; lastMessage: string }[] = [
  {
    customer: {
      id: "b7c1e0f2-4a3d-4e5f-9a8b-0c1d2e3f4a01",
      name: "Jane Doe",
      email: "jane.doe@example.test",
      geolocation: {
        country: "United States",
        country_code: "US",
        region: "Illinois",
        city: "Chicago",
        timezone: "America/Chicago",
      },
      chat: {
        id: "SEEDCHAT01",
        groupID: "0",
        preChatSurvey: [{ question: "What can we help you with?", answer: "Upgrading my plan" }],
      },
      source: "chats",
    },
    lastMessage: "Hi! Can someone help me upgrade my plan?",
  },
  {
    customer: {
      id: "b7c1e0f2-4a3d-4e5f-9a8b-0c1d2e3f4a02",
      name: "Kenji Sato",
      geolocation: {
        country: "Japan",
        country_code: "JP",
        region: "Tokyo",
        city: "Tokyo",
        timezone: "Asia/Tokyo",
      },
      chat: { id: "SEEDCHAT02", groupID: "0" },
      source: "chats",
    },
    lastMessage: "My invoice shows the wrong company name.",
  },
];
