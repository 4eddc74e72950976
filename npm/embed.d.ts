// Types of borang/embed (embed.js): the one-tag embed, for pages that serve this package's
// folder as it is (the embed finds borang.js, borang_bg.wasm and js/ next to itself).
import type * as borang from "./borang.js";

/**
 * The package, loaded once: the WebAssembly build, or the JavaScript build where the page's CSP
 * forbids WebAssembly. `lean: true` loads the build without zero-config (lean/, for a rules file
 * or a preset; its `attach(form, null)` throws).
 */
export function load(options?: { lean?: boolean }): Promise<Readonly<typeof borang & { build: "wasm" | "js" }>>;
/** The attachments of the page's embed tags (null for those that failed); never rejects. */
export const ready: Promise<Array<borang.Attachment | null>>;
/** The attachment of a form, once `ready` has resolved. */
export function attachmentFor(form: HTMLFormElement): borang.Attachment | null;
/** Opt-in offline reloads: registers `workerUrl` and keeps the files this page loaded; resolves to how many. */
export function keepOffline(workerUrl: string | URL, options?: { scope?: string }): Promise<number>;
