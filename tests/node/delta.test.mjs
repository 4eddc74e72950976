// `delta` in wasm/js/session.js: what the DOM layer sends into WebAssembly when a long text
// changes (src/text.rs patches its copy with it). Its two promises: the old text's start, the
// middle and the old text's end make the new text; a surrogate pair is never cut in two.
import { test } from "node:test";
import assert from "node:assert/strict";
import { delta } from "../../wasm/js/session.js";

const PIECES = ["a", "b", " ", "\n", "\r\n", "😀", "😁", "\uD83D", "\uDE00", "é", "e\u0301", "中", "👩‍👩‍👧", ""];

function randomText(rand, n) {
  let s = "";
  for (let i = 0; i < n; i++) s += PIECES[rand(PIECES.length)];
  return s;
}

const splitsAPair = (s, at) =>
  at > 0 && at < s.length && (s.charCodeAt(at - 1) & 0xfc00) === 0xd800 && (s.charCodeAt(at) & 0xfc00) === 0xdc00;

test("delta: start + middle + end make the new text, and no surrogate pair is cut", () => {
  let seed = 11;
  const rand = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
  for (let i = 0; i < 5000; i++) {
    const old = randomText(rand, rand(12));
    // The new text: an edit of the old one (most of the time), or another text.
    let now = old;
    if (rand(5) === 0) now = randomText(rand, rand(12));
    else {
      const at = rand(old.length + 1);
      now = old.slice(0, at) + randomText(rand, rand(3)) + old.slice(at + rand(3));
    }
    const [start, end, middle] = delta(old, now);
    assert.ok(start >= 0 && end >= 0 && start + end <= Math.min(old.length, now.length), JSON.stringify({ old, now, start, end }));
    assert.equal(old.slice(0, start) + middle + old.slice(old.length - end), now, JSON.stringify({ old, now, start, end }));
    assert.equal(now.slice(0, start), old.slice(0, start));
    assert.equal(now.slice(now.length - end), old.slice(old.length - end));
    assert.ok(!splitsAPair(now, start) && !splitsAPair(now, now.length - end), JSON.stringify({ old, now, start, end }));
    assert.ok(!splitsAPair(old, start) && !splitsAPair(old, old.length - end), JSON.stringify({ old, now, start, end }));
  }
});

test("delta: long texts (the halving search) give the same start and end as a character loop", () => {
  let seed = 5;
  const rand = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
  const naive = (old, now) => {
    const n = Math.min(old.length, now.length);
    let p = 0;
    while (p < n && old[p] === now[p]) p++;
    if (p > 0 && (now.charCodeAt(p - 1) & 0xfc00) === 0xd800) p--;
    let s = 0;
    while (s < n - p && old[old.length - 1 - s] === now[now.length - 1 - s]) s++;
    if (s > 0 && (now.charCodeAt(now.length - s) & 0xfc00) === 0xdc00) s--;
    return [p, s, now.slice(p, now.length - s)];
  };
  for (let i = 0; i < 2000; i++) {
    const old = randomText(rand, 50 + rand(3000));
    const at = rand(old.length + 1);
    const now = rand(10) === 0 ? old : old.slice(0, at) + randomText(rand, rand(4)) + old.slice(at + rand(5));
    assert.deepEqual(delta(old, now), naive(old, now), JSON.stringify({ at, len: old.length }));
  }
});

test("delta: an append, a deletion and no change", () => {
  assert.deepEqual(delta("kata", "kata kedua"), [4, 0, " kedua"]);
  assert.deepEqual(delta("kata kedua", "kata"), [4, 0, ""]);
  assert.deepEqual(delta("sama", "sama"), [4, 0, ""]);
  assert.deepEqual(delta("😀", "😁"), [0, 0, "😁"], "the shared high surrogate stays with its pair");
});
