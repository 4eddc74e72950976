// Types of `borang/js`: the API of `borang` compiled to JavaScript (wasm2js), for pages whose
// Content-Security-Policy lacks 'wasm-unsafe-eval'. Ready on import: there is no `init`.
export type * from "../borang.js";
export { Attachment, Validator, attach, countText, lintRules, presets } from "../borang.js";
