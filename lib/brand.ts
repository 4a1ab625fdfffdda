// The app's name and one-line description, where users see them (page titles, headers, metadata).
// LiveChat's Marketplace naming rule: "X for LiveChat", never "LiveChat X", under 30 characters.

export const APP_NAME = "Agent Board for LiveChat";
export const APP_DESCRIPTION = "See who in your LiveChat organization is taking chats right now.";
