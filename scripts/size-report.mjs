// Where the bytes of pkg/lean/borang_bg.wasm go, by concern (issue 16). `make size` runs it after
// `make pkg`; `node scripts/size-report.mjs [named.wasm]` reads a names-kept module directly.
//
// How: the release module from cargo (target/…/borang_wasm.wasm, names still in it) goes through
// wasm-bindgen --keep-debug and the same `wasm-opt` flags as wasm/Cargo.toml plus `--debuginfo`,
// so the functions keep their names while the code is the shipped code (a few hundred bytes
// apart). Each function is put in a concern by its name; generic code (iterators, closures,
// sorting, collections) goes to the concern of its callers when they all share one. Data bytes go
// to the concern of the functions that take their address (`i32.const`); the schema and preset
// texts are found by content. "gzip alone" is each concern's bytes compressed by themselves;
// "≈ gzip share" scales those so they add up to the shipped module's gzip -9 size: an estimate of
// what removing the concern saves, not an exact figure.

import { execFileSync } from "node:child_process";
import { readFileSync, mkdtempSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// The gzip command's -9 (what the issue and `make pkg` report; zlib's level 9 differs by ~3 %).
const gz = (buf) => execFileSync("gzip", ["-9c"], { input: buf, maxBuffer: 1 << 28 }).length;

function namedModule() {
  if (process.argv[2]) return process.argv[2];
  const raw = join(root, "target/wasm32-unknown-unknown/release/borang_wasm.wasm");
  if (!existsSync(raw)) throw new Error(`${raw} is missing: run \`make pkg\` first`);
  const cargo = readFileSync(join(root, "wasm/Cargo.toml"), "utf8");
  const flags = JSON.parse(/\nwasm-opt\s*=\s*(\[[^\]]*\])/.exec(cargo)[1]);
  const dir = mkdtempSync(join(tmpdir(), "borang-size-"));
  execFileSync("wasm-bindgen", [raw, "--target", "web", "--keep-debug", "--out-dir", dir, "--out-name", "borang"]);
  const out = join(dir, "named.wasm");
  execFileSync("wasm-opt", [join(dir, "borang_bg.wasm"), ...flags, "--strip-dwarf", "--debuginfo", "-o", out]);
  return out;
}

// --- a small reader of the module's sections -------------------------------------------------
function reader(buf, pos = 0) {
  return {
    buf,
    pos,
    u8() {
      return this.buf[this.pos++];
    },
    leb() {
      let result = 0, shift = 0, byte;
      do {
        byte = this.buf[this.pos++];
        result += (byte & 0x7f) * 2 ** shift;
        shift += 7;
      } while (byte & 0x80);
      return result;
    },
    sleb() {
      let result = 0n, shift = 0n, byte;
      do {
        byte = this.buf[this.pos++];
        result |= BigInt(byte & 0x7f) << shift;
        shift += 7n;
      } while (byte & 0x80);
      if (byte & 0x40) result -= 1n << shift;
      return Number(result);
    },
    name() {
      const n = this.leb();
      const s = this.buf.subarray(this.pos, this.pos + n).toString("utf8");
      this.pos += n;
      return s;
    },
  };
}

function parse(buf) {
  const r = reader(buf, 8);
  let importedFuncs = 0;
  const bodies = []; // {index, bytes}
  const data = []; // {address|null, bytes, name}
  const funcNames = new Map();
  const dataNames = new Map();
  const sections = []; // {id, name, size}
  while (r.pos < buf.length) {
    const id = r.u8();
    const size = r.leb();
    const start = r.pos;
    const end = start + size;
    if (id === 0) {
      const name = r.name();
      sections.push({ id, name, size });
      if (name === "name") {
        while (r.pos < end) {
          const sub = r.u8();
          const subSize = r.leb();
          const subEnd = r.pos + subSize;
          if (sub === 1 || sub === 9) {
            const count = r.leb();
            for (let i = 0; i < count; i++) {
              const idx = r.leb();
              (sub === 1 ? funcNames : dataNames).set(idx, r.name());
            }
          }
          r.pos = subEnd;
        }
      }
    } else {
      sections.push({ id, size });
      if (id === 2) {
        const count = r.leb();
        for (let i = 0; i < count; i++) {
          r.name();
          r.name();
          const kind = r.u8();
          if (kind === 0) { r.leb(); importedFuncs++; }
          else if (kind === 1) { r.u8(); const f = r.u8(); r.leb(); if (f & 1) r.leb(); }
          else if (kind === 2) { const f = r.u8(); r.leb(); if (f & 1) r.leb(); }
          else if (kind === 3) { r.u8(); r.u8(); }
          else r.leb();
        }
      } else if (id === 10) {
        const count = r.leb();
        for (let i = 0; i < count; i++) {
          const n = r.leb();
          bodies.push({ index: importedFuncs + i, bytes: buf.subarray(r.pos, r.pos + n) });
          r.pos += n;
        }
      } else if (id === 11) {
        const count = r.leb();
        for (let i = 0; i < count; i++) {
          const flags = r.leb();
          let address = null;
          if (flags === 2) r.leb();
          if (flags !== 1) {
            const op = r.u8();
            address = op === 0x41 ? r.sleb() : null;
            while (r.u8() !== 0x0b);
          }
          const n = r.leb();
          data.push({ index: i, address, bytes: buf.subarray(r.pos, r.pos + n) });
          r.pos += n;
        }
      }
    }
    r.pos = end;
  }
  for (const d of data) d.name = dataNames.get(d.index) ?? `data ${d.index}`;
  for (const b of bodies) b.name = funcNames.get(b.index) ?? `func ${b.index}`;
  return { bodies, data, sections, importedFuncs };
}

// --- calls and address constants, from the text form ------------------------------------------
function textFacts(file) {
  const text = execFileSync("wasm-dis", [file], { maxBuffer: 1 << 30 }).toString();
  const calls = new Map(); // name -> Set(callee)
  const consts = new Map(); // name -> Set(number)
  let current = null;
  for (const line of text.split("\n")) {
    const f = /^ \(func \$(\S+)/.exec(line);
    if (f) {
      current = f[1];
      calls.set(current, new Set());
      consts.set(current, new Set());
      continue;
    }
    if (!current) continue;
    for (const m of line.matchAll(/\(call \$(\S+?)\)?(?:\s|$)/g)) calls.get(current).add(m[1].replace(/\)+$/, ""));
    for (const m of line.matchAll(/\(i32\.const (\d{6,})\)/g)) consts.get(current).add(Number(m[1]));
    for (const m of line.matchAll(/offset=(\d{6,})/g)) consts.get(current).add(Number(m[1]));
  }
  return { calls, consts };
}

// wasm-dis writes names with some characters escaped; compare on a normal form.
const key = (name) => name.replace(/\\([0-9a-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));

// --- concerns ---------------------------------------------------------------------------------
const CONCERNS = [
  ["inference (describe + infer)", /borang::infer::|borang_wasm::dom::describe/],
  ["core::fmt, panics, Debug", /core::fmt|core::panicking|::fmt::h|escape_debug|core::result::unwrap_failed|core::option::expect_failed|panic_fmt|rust_panic|core::num::flt2dec|core::num::dec2flt|as core::fmt::|<char>::escape|core::str::slice_error_fail|core::slice::index::|core::panic/],
  ["serde + serde-wasm-bindgen (reports, rules in)", /serde_wasm_bindgen|serde_core::|serde::|impl serde|Serialize|Deserialize|Serializer|Deserializer/],
  ["DOM layer (wasm/src/dom)", /borang_wasm::dom::|^attach$|^attach |attachment_/],
  ["rules reading/compiling + problems", /borang::rules::|borang::spec::|borang::problem::|borang::kinds::|borang::known_keys::|borang::values::|borang::presets::/],
  ["checking", /borang::check::/],
  ["counting + Unicode (count.rs, grapheme.rs, unicode-segmentation)", /borang::count::|borang::grapheme::|borang::recount::|unicode_segmentation::|unicode_|<str>::to_lowercase|<str>::to_uppercase|core::unicode::|char.*::to_lowercase|char.*::to_uppercase/],
  ["messages + UI texts", /borang::messages::|borang::ui::/],
  ["JSON reader/writer (value.rs)", /borang::value::/],
  ["pattern engine", /borang::pattern::/],
  ["format + numbers (format.rs, numbers.rs)", /borang::format::|borang::numbers::/],
  ["allocator", /dlmalloc|__rust_alloc|__rust_dealloc|__rust_realloc|__rdl_|alloc::alloc::|__rg_|^malloc$|^free$|^realloc$/],
  ["boundary (wasm/src/lib.rs) + wasm-bindgen glue", /borang_wasm::|wasm_bindgen|js_sys::|web_sys::|__wbindgen|__wbg_|externref|shim$| shim|^validator_|^count|^rulesSchema|^check|^lint|^version|^presets/],
];
const GENERIC = "generic std/core/alloc (shared)";

function concernOf(name) {
  name = name.replace(/\[[0-9a-f]{16}\]/g, "");
  for (const [label, re] of CONCERNS) if (re.test(name)) return label;
  return null;
}

function main() {
  const file = namedModule();
  const buf = readFileSync(file);
  const { bodies, data, sections } = parse(buf);
  const { calls, consts } = textFacts(file);

  // Functions: own concern by name, generic ones by their callers.
  const owner = new Map();
  for (const b of bodies) owner.set(key(b.name), concernOf(b.name));
  const callers = new Map();
  for (const [caller, callees] of calls)
    for (const callee of callees) {
      const k = key(callee);
      if (!callers.has(k)) callers.set(k, new Set());
      callers.get(k).add(key(caller));
    }
  // First where every caller agrees, then (what is left) to the concern most callers have.
  for (const unanimous of [true, false])
    for (let changed = true; changed; ) {
      changed = false;
      for (const [name, concern] of owner) {
        if (concern) continue;
        const votes = new Map();
        for (const c of callers.get(name) ?? []) votes.set(owner.get(c), (votes.get(owner.get(c)) ?? 0) + 1);
        const known = [...votes].filter(([c]) => c);
        if (known.length === 0 || (unanimous && votes.size !== 1)) continue;
        known.sort((a, b) => b[1] - a[1]);
        owner.set(name, known[0][0]);
        changed = true;
      }
    }

  const rows = new Map(); // concern -> {code: [buf], data: [buf]}
  const row = (c) => {
    if (!rows.has(c)) rows.set(c, { code: [], data: [] });
    return rows.get(c);
  };
  for (const b of bodies) row(owner.get(key(b.name)) ?? GENERIC).code.push(b.bytes);
  // SIZE_LIST=<part of a concern's label>: its 40 largest functions, to see what is inside.
  if (process.env.SIZE_LIST) {
    const mine = bodies.filter((b) => (owner.get(key(b.name)) ?? GENERIC).includes(process.env.SIZE_LIST));
    mine.sort((a, b) => b.bytes.length - a.bytes.length);
    for (const b of mine.slice(0, 40)) console.log(String(b.bytes.length).padStart(7), b.name.slice(0, 160));
  }

  // Data: named texts by content, the rest by who takes the address.
  const texts = [["schema text (rulesSchema)", readFileSync(join(root, "schema/rules.schema.json"))]];
  for (const f of ["kipp-2023", "kipp-2021", "inovasi-daerah"])
    texts.push([`presets (rules/*.json)`, readFileSync(join(root, `rules/${f}.json`))]);
  const refs = []; // [address, concern]
  const referrers = new Map(); // address -> function names
  for (const [fn, set] of consts)
    for (const a of set) {
      refs.push([a, owner.get(key(fn)) ?? GENERIC]);
      if (!referrers.has(a)) referrers.set(a, []);
      referrers.get(a).push(fn);
    }
  const byAddress = new Map();
  for (const [a, c] of refs) {
    if (!byAddress.has(a)) byAddress.set(a, new Set());
    byAddress.get(a).add(c);
  }
  const starts = [...byAddress.keys()].sort((a, b) => a - b);
  for (const d of data) {
    const bytes = d.bytes;
    const taken = new Uint8Array(bytes.length);
    for (const [label, text] of texts) {
      const at = bytes.indexOf(text);
      if (at >= 0) {
        row(label).data.push(bytes.subarray(at, at + text.length));
        taken.fill(1, at, at + text.length);
      }
    }
    if (d.address === null) {
      row("data (passive, unattributed)").data.push(bytes);
      continue;
    }
    // Walk the segment in spans between referenced addresses.
    let i = 0;
    while (i < bytes.length) {
      const addr = d.address + i;
      let lo = 0, hi = starts.length;
      while (lo < hi) { const m = (lo + hi) >> 1; if (starts[m] <= addr) lo = m + 1; else hi = m; }
      const refStart = lo > 0 ? starts[lo - 1] : null;
      const next = lo < starts.length ? Math.min(starts[lo] - d.address, bytes.length) : bytes.length;
      const owners = refStart !== null && refStart >= d.address ? byAddress.get(refStart) : null;
      const label = !owners ? "data: unreferenced" : owners.size === 1 ? [...owners][0] : "data: shared strings/tables";
      // SIZE_SPANS=1: the data spans over 1 KB and the functions that take their address.
      if (process.env.SIZE_SPANS && next - i > 1024)
        console.log(String(next - i).padStart(7), `(${gz(bytes.subarray(i, next))} gzip)`, label, "←", (referrers.get(refStart) ?? []).slice(0, 3).join(", ").slice(0, 200));
      let s = i;
      for (let j = i; j <= next; j++) {
        if (j === next || taken[j]) {
          if (j > s) row(label).data.push(bytes.subarray(s, j));
          s = j + 1;
        }
      }
      i = next;
    }
  }

  const total = buf.length;
  const nameSection = sections.filter((s) => s.id === 0).reduce((n, s) => n + s.size, 0);
  // The module the names were kept for: `make pkg` builds the lean one (what a page with a
  // rules file loads) last, so target/ holds it; SIZE_FULL=1 after a full build compares with
  // the full one.
  const shippedName = process.env.SIZE_FULL ? "pkg/borang_bg.wasm" : "pkg/lean/borang_bg.wasm";
  const shipped = existsSync(join(root, shippedName)) ? readFileSync(join(root, shippedName)) : null;
  const result = [...rows].map(([concern, { code, data }]) => {
    const c = Buffer.concat(code), d = Buffer.concat(data);
    return { concern, code: c.length, data: d.length, raw: c.length + d.length, gzip: gz(Buffer.concat([c, d])) };
  });
  result.sort((a, b) => b.raw - a.raw);
  const gzipSum = result.reduce((n, r) => n + r.gzip, 0);
  const shippedGzip = shipped ? gz(shipped) : gzipSum;
  const rawSum = result.reduce((n, r) => n + r.raw, 0);
  const fmt = (n) => n.toLocaleString("en");
  console.log(`named module: ${file} (${fmt(total)} bytes, of which names ${fmt(nameSection)})`);
  if (shipped) console.log(`shipped ${shippedName}: ${fmt(shipped.length)} bytes raw, ${fmt(shippedGzip)} gzip -9`);
  console.log("");
  console.log("| concern | code | data | raw | gzip alone | ≈ gzip share |");
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const r of result)
    console.log(`| ${r.concern} | ${fmt(r.code)} | ${fmt(r.data)} | ${fmt(r.raw)} | ${fmt(r.gzip)} | ${fmt(Math.round((r.gzip / gzipSum) * shippedGzip))} |`);
  console.log(`| **functions + data** | | | ${fmt(rawSum)} | ${fmt(gzipSum)} | ${fmt(shippedGzip)} |`);
  console.log(`(the rest of the ${fmt(total - nameSection)} bytes: types, imports, exports, tables, section headers)`);
}

main();
