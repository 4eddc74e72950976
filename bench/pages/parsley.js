// Parsley.js 2.9 with its `words` extra: data-parsley-maxwords on each textarea (bench/libs.mjs).
var parsley = window.jQuery("#proposal").parsley();
parsley.validate();
window.__feedback();
window.benchLib = { frame: false, checkAll: function () { return parsley.validate(); } };
window.__benchReady = true;
