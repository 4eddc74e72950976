// The demo portal's header, menu and footer, written once here. The portal's pages in www/
// carry a marker on a line of its own where they go:
//   <!-- site-header current="index.html" -->   (the menu item marked aria-current="page";
//                                                 none without `current`)
//   <!-- site-footer -->
// with `wide` on both for pages laid out with `wrap wide` (the playground).
// scripts/serve.mjs replaces the markers as it serves www/ (plain HTML: no script, no flash,
// any CSP); scripts/admin-pages.mjs removes them (the admin's copies have no portal around
// them). Periksa Draf (its own header, copied as is) and lint.html carry none.
// Checked by tests/node/site-chrome.test.mjs.

/** The main menu: [href, label], in order. */
export const MENU = [
  ["index.html", "Formulir Proposal"],
  ["zero-config.html", "Mode Tanpa Aturan"],
  ["playground.html", "Uji Aturan"],
  ["periksa/", "Periksa Draf (luring)"],
];

const wrap = (wide, extra = "") => `wrap${wide ? " wrap-wide" : ""}${extra ? ` ${extra}` : ""}`;

/** The header (banner) and the main menu, with `current`'s menu item marked. */
export function siteHeader({ current = null, wide = false } = {}) {
  if (current !== null && !MENU.some(([href]) => href === current)) {
    throw new Error(`site-header: current="${current}" is not in the menu (${MENU.map(([h]) => h).join(", ")})`);
  }
  const items = MENU.map(
    ([href, label]) => `        <li><a href="${href}"${href === current ? ' aria-current="page"' : ""}>${label}</a></li>`,
  ).join("\n");
  return `<header class="site-header">
  <div class="topbar">
    <div class="${wrap(wide)}">
      <p>Portal Inovasi Pelayanan Publik · Pemerintah Kabupaten Sungai Lestari</p>
      <p>Layanan bantuan: (0561) 700 123 · Senin–Jumat, 08.00–16.00 WIB</p>
    </div>
  </div>
  <div class="${wrap(wide, "brand")}">
    <svg class="emblem" viewBox="0 0 60 68" aria-hidden="true" focusable="false">
      <path d="M30 2 56 10v24c0 16-11 27-26 32C15 61 4 50 4 34V10Z" fill="#f7f3e6" stroke="#c99a2e" stroke-width="2.5"/>
      <path d="M30 8 50 14v20c0 12-8 21-20 25-12-4-20-13-20-25V14Z" fill="#12355b"/>
      <circle cx="30" cy="25" r="7" fill="#c99a2e"/>
      <path d="M16 38c4.5-3 9.5-3 14 0s9.5 3 14 0" fill="none" stroke="#7fc8c2" stroke-width="3" stroke-linecap="round"/>
      <path d="M18 45c4-2.6 8-2.6 12 0s8 2.6 12 0" fill="none" stroke="#7fc8c2" stroke-width="3" stroke-linecap="round"/>
      <path d="M30 57c-3-3-4-6-2-9 2 3 4 5 2 9Z" fill="#c99a2e"/>
    </svg>
    <div class="brand-text">
      <p class="brand-gov">Pemerintah Kabupaten Sungai Lestari</p>
      <p class="brand-name">Bagian Organisasi Sekretariat Daerah</p>
      <p class="brand-unit">Pembinaan Inovasi dan Pelayanan Publik</p>
    </div>
    <p class="brand-portal"><strong>SIPINTAR</strong> Sistem Pengajuan Inovasi Daerah</p>
  </div>
</header>
<nav class="site-nav" aria-label="Menu utama">
  <div class="${wrap(wide)}">
    <ul>
${items}
    </ul>
  </div>
</nav>
`;
}

/** The footer (contentinfo). */
export function siteFooter({ wide = false } = {}) {
  return `<footer class="site-footer">
  <div class="${wrap(wide)}">
    <div>
      <h2>Bagian Organisasi Sekretariat Daerah</h2>
      <p>Kantor Bupati Sungai Lestari, Gedung B Lantai 2<br>Jl. Merdeka Nomor 1, Sungai Lestari 78911</p>
    </div>
    <div>
      <h2>Layanan bantuan</h2>
      <p>Telepon (0561) 700 123<br>Surel <a href="mailto:inovasi@sungailestari.example">inovasi@sungailestari.example</a></p>
    </div>
    <div>
      <h2>Dasar hukum</h2>
      <p>Peraturan Menteri PANRB Nomor 91 Tahun 2021 tentang Pembinaan Inovasi Pelayanan Publik.</p>
    </div>
  </div>
  <div class="${wrap(wide, "footer-demo")}">
    <p><strong>Halaman demo.</strong> Kabupaten Sungai Lestari adalah daerah fiktif; halaman ini bukan situs resmi pemerintah dan tidak meneruskan data ke mana pun. Dibuat untuk memperagakan pemeriksa isian <strong>borang</strong>.</p>
  </div>
</footer>
`;
}

/** A marker line: its indentation, which part, and its attributes. */
const MARKER = /^([ \t]*)<!--\s*site-(header|footer)\b([^>]*?)\s*-->[ \t]*(?:\r?\n|$)/gm;
/** Anything that looks like a marker, to catch a misspelt one. */
const ANY_MARKER = /<!--\s*site-/;

function attributes(text, part) {
  const attrs = {};
  for (const m of text.matchAll(/([\w-]+)(?:="([^"]*)")?/g)) attrs[m[1]] = m[2] ?? true;
  for (const name of Object.keys(attrs)) {
    if (!(part === "header" ? ["current", "wide"] : ["wide"]).includes(name)) {
      throw new Error(`site-${part}: unknown attribute ${name}`);
    }
  }
  return { current: attrs.current ?? null, wide: attrs.wide === true };
}

const indent = (block, pad) => block.replace(/^(?=.)/gm, pad);

/** The page with its markers replaced by the header, menu and footer. */
export function renderChrome(html) {
  const out = html.replace(MARKER, (_, pad, part, attrs) => {
    const options = attributes(attrs, part);
    return indent(part === "header" ? siteHeader(options) : siteFooter(options), pad);
  });
  if (ANY_MARKER.test(out)) throw new Error(`a site-* marker is not on a line of its own or is misspelt: ${out.match(/<!--\s*site-[^>]*>/)[0]}`);
  return out;
}

/** The page with its markers (and so the portal around it) removed. */
export function stripChrome(html) {
  const out = html.replace(MARKER, (_, pad, part, attrs) => (attributes(attrs, part), ""));
  if (ANY_MARKER.test(out)) throw new Error(`a site-* marker is not on a line of its own or is misspelt: ${out.match(/<!--\s*site-[^>]*>/)[0]}`);
  return out;
}
