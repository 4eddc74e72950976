// jQuery Validation 1.22 with additional-methods' maxWords.
var rules = { judul_proposal: { required: true }, link_youtube: { required: true, url: true } };
["ringkasan", "latar_belakang", "kebaharuan", "implementasi_inovasi", "signifikansi",
 "adaptabilitas_1", "adaptabilitas_2", "sumber_daya", "keberlanjutan"].forEach(function (id) {
  var max = Number(/maksimal (\d+) kata/.exec(document.querySelector('label[for="' + id + '"]').textContent)[1]);
  rules[id] = { required: true, maxWords: max };
});
var validator = window.jQuery("#proposal").validate({ rules: rules });
validator.form(); // after a first attempt jQuery Validation re-checks each field on keyup
window.__feedback();
window.benchLib = { frame: false, checkAll: function () { return validator.form(); } };
window.__benchReady = true;
