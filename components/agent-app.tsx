"use client";

import {
  createDetailsWidget,
  createFullscreenWidget,
  createSettingsWidget,
  type ICustomerProfile,
  type IDetailsWidget,
  type IFullscreenWidget,
} from "@livechat/agent-app-sdk";
import { useEffect, useState } from "react";

// The page's side of LiveChat's Agent App (@livechat/agent-app-sdk): connected once per page,
// only inside a frame (outside one, the SDK would wait for a parent forever). Nothing it hands
// over decides access: the customer profile is shown, never trusted.

export type Placement = "fullscreen" | "details" | "settings";

const CREATE = {
  fullscreen: createFullscreenWidget,
  details: createDetailsWidget,
  settings: createSettingsWidget,
} as const;

type AnyWidget = Awaited<ReturnType<(typeof CREATE)[Placement]>>;
/** What every placement can do: follow the theme. */
type ThemedWidget = {
  on(event: "change_theme", handler: (data: { theme: string }) => void): void;
  off(event: "change_theme", handler: (data: { theme: string }) => void): void;
};

const connected = new Map<Placement, Promise<AnyWidget>>();

const framed = () => typeof window !== "undefined" && window.parent !== window;

function widgetFor(placement: Placement): Promise<AnyWidget> | null {
  if (!framed()) return null;
  let widget = connected.get(placement);
  if (!widget) {
    widget = CREATE[placement]() as Promise<AnyWidget>;
    connected.set(placement, widget);
  }
  return widget;
}

/** Follows the Agent App's theme switch (`change_theme`) without a reload. */
function applyTheme(theme: string) {
  if (theme !== "light" && theme !== "dark") return;
  const classes = document.documentElement.classList;
  classes.toggle("lc-dark-theme", theme === "dark");
  classes.toggle("lc-light-theme", theme === "light");
  document.documentElement.dataset.theme = theme;
}

/** Connects the page to the Agent App and keeps its theme in step. Renders nothing. */
export function AgentAppConnection({ placement }: { placement: Placement }) {
  useEffect(() => {
    const widget = widgetFor(placement) as Promise<ThemedWidget> | null;
    if (!widget) return;
    const onTheme = ({ theme }: { theme: string }) => applyTheme(theme);
    void widget.then((w) => w.on("change_theme", onTheme));
    return () => void widget.then((w) => w.off("change_theme", onTheme));
  }, [placement]);
  return null;
}

/** The fullscreen widget's badge in the Agent App's menu: agents not accepting chats. */
export function FullscreenBadge({ count }: { count: number }) {
  useEffect(() => {
    const widget = widgetFor("fullscreen") as Promise<IFullscreenWidget> | null;
    void widget?.then((w) => w.setNotificationBadge(count > 0 ? count : null));
  }, [count]);
  return null;
}

/** The customer of the chat the Details widget sits next to, as the Agent App last said. */
export function useCustomerProfile(): ICustomerProfile | null {
  const [profile, setProfile] = useState<ICustomerProfile | null>(null);
  useEffect(() => {
    const widget = widgetFor("details") as Promise<IDetailsWidget> | null;
    if (!widget) return;
    const onProfile = (next: ICustomerProfile) => setProfile(next);
    void widget.then((w) => {
      setProfile(w.getCustomerProfile());
      w.on("customer_profile", onProfile);
    });
    return () => void widget.then((w) => w.off("customer_profile", onProfile));
  }, []);
  return profile;
}
