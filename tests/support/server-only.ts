// Stand-in for the `server-only` guard, which throws outside Next's react-server build.
export {};
