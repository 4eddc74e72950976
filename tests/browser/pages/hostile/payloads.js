// Markup that would run script or create elements if anything put it into HTML. Each payload
// that could run calls window.__pwned(tag). Shared by the hostile pages and their test.
export const PAYLOADS = [
  `<script>window.__pwned("script")</script>`,
  `<img src=x onerror="window.__pwned('img')">`,
  `<svg onload="window.__pwned('svg')">`,
  `<svg><script>window.__pwned('svg-script')</script></svg>`,
  `<iframe src="javascript:parent.__pwned('iframe')"></iframe>`,
  `<iframe srcdoc="<script>parent.__pwned('srcdoc')</script>"></iframe>`,
  `<body onload="window.__pwned('body')">`,
  `<input autofocus onfocus="window.__pwned('autofocus')">`,
  `<details open ontoggle="window.__pwned('details')">`,
  `<video><source onerror="window.__pwned('video')"></video>`,
  `<audio src=x onerror="window.__pwned('audio')">`,
  `<object data="javascript:window.__pwned('object')"></object>`,
  `<embed src="javascript:window.__pwned('embed')">`,
  `<a href="javascript:window.__pwned('a')" id="pwn-a">klik</a>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned('math')">`,
  `<style>*{background:url("javascript:window.__pwned('style')")}</style>`,
  `<link rel=stylesheet href="javascript:window.__pwned('link')">`,
  `<meta http-equiv="refresh" content="0;url=javascript:window.__pwned('meta')">`,
  `"><img src=x onerror="window.__pwned('attr-break')">`,
  `'><svg onload="window.__pwned('attr-break2')">`,
  `</textarea><img src=x onerror="window.__pwned('textarea-break')">`,
  `</title><img src=x onerror="window.__pwned('title-break')">`,
  `<!--<img src="--><img src=x onerror="window.__pwned('comment')">-->`,
  `<img src=x onerror=&#x77;indow.__pwned('entity')>`,
  `<IMG SRC=x OnErRoR=window.__pwned('case')>`,
  `<img/src=x/onerror=window.__pwned('slash')>`,
  `<marquee onstart="window.__pwned('marquee')">x</marquee>`,
  `<form><button formaction="javascript:window.__pwned('formaction')">x</button></form>`,
  `<template><img src=x onerror="window.__pwned('template')"></template>`,
  `<noscript><p title="</noscript><img src=x onerror=window.__pwned('noscript')>">`,
  `<svg><animate onbegin="window.__pwned('animate')" attributeName=x dur=1s>`,
  `{title}<img src=x onerror=window.__pwned('placeholder')>`,
  "${window.__pwned('tpl')}{{constructor.constructor('window.__pwned(\"ng\")')()}}",
  `\u202e<img src=x onerror=window.__pwned('rtl')>`,
  `<base href="javascript:window.__pwned('base')//">`,
  `<select><option><img src=x onerror=window.__pwned('option')></option></select>`,
];

/** Element names that none of borang's own nodes ever use. */
export const FORBIDDEN = "script,img,svg,iframe,object,embed,video,audio,source,math,style,link,meta,base,marquee,template,noscript,details,a";

/** Counts the forbidden elements in a document, entering open shadow roots and frames. */
export function countForbidden(root) {
  let n = root.querySelectorAll(FORBIDDEN).length;
  for (const el of root.querySelectorAll("*")) {
    if (el.shadowRoot) n += countForbidden(el.shadowRoot);
  }
  return n;
}
