import { describe, expect, it } from "vitest";
import { tokenRegion } from "@/lib/livechat/region";

describe("tokenRegion", () => {
  it.each([
    ["dal:k0FTiZgtBkTLnzXlatwt6Fgvpp4", "dal"],
    ["fra:abc", "fra"],
    ["fra-a:abc", "fra"],
    ["test_gfalskcakg2347o8326", undefined],
    ["", undefined],
  ])("reads %j as %s", (token, region) => {
    expect(tokenRegion(token)).toBe(region);
  });
});
