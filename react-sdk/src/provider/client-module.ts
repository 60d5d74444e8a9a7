// The heavy half of the widget: the core client (Yjs, the Hocuspocus provider, zod). Loaded
// with `import()` when the browser is idle or the widget opens, so the trigger shows first.
export { CossistantClient, hashMetadata } from "@cossistant/core";
