import { describe, expect, it } from "vitest";
import { toAgentBoard } from "@/lib/data/agent-board";
import { agent } from "./agents";

describe("toAgentBoard", () => {
  it("joins agents with their routing status and counts each status", () => {
    const board = toAgentBoard(
      [
        agent("b@x.test", "Bella", { jobTitle: "Support" }),
        agent("a@x.test", "Adam", { role: "owner" }),
        agent("c@x.test", "Carl"),
      ],
      [
        { agentId: "a@x.test", status: "accepting_chats" },
        { agentId: "b@x.test", status: "not_accepting_chats" },
        { agentId: "c@x.test", status: "accepting_chats" },
      ],
    );
    expect(board.agents.map((row) => [row.name, row.status])).toEqual([
      ["Adam", "accepting_chats"],
      ["Bella", "not_accepting_chats"],
      ["Carl", "accepting_chats"],
    ]);
    expect(board.agents[1]).toEqual({
      id: "b@x.test",
      name: "Bella",
      email: "b@x.test",
      role: "normal",
      jobTitle: "Support",
      avatarUrl: null,
      status: "not_accepting_chats",
    });
    expect(board.counts).toEqual({ accepting_chats: 2, not_accepting_chats: 1, offline: 0 });
  });

  it("shows an agent without a routing status as offline", () => {
    const board = toAgentBoard([agent("a@x.test", "Adam")], []);
    expect(board.agents[0]!.status).toBe("offline");
    expect(board.counts.offline).toBe(1);
  });

  it("ignores routing statuses of agents it was not given (never shows someone else's agent)", () => {
    const board = toAgentBoard(
      [agent("a@x.test", "Adam")],
      [{ agentId: "stranger@y.test", status: "accepting_chats" }],
    );
    expect(board.agents.map((row) => row.id)).toEqual(["a@x.test"]);
    expect(board.counts).toEqual({ accepting_chats: 0, not_accepting_chats: 0, offline: 1 });
  });

  it("turns an empty job title into none and keeps unknown statuses out of the counts", () => {
    const board = toAgentBoard(
      [agent("a@x.test", "Adam", { jobTitle: "" })],
      [{ agentId: "a@x.test", status: "busy_new_status" }],
    );
    expect(board.agents[0]).toMatchObject({ jobTitle: null, status: "busy_new_status" });
    expect(board.counts).toEqual({ accepting_chats: 0, not_accepting_chats: 0, offline: 0 });
  });
});
