// Shared by the real-editor pages: each page describes its editor (how to start it, where
// its editable is, how to get and set its HTML through the editor's own API) and this file
// starts it when the page loads, or only when the test asks (`?late`: borang attaches to the
// plain textarea first, as on portals that start their editor after other scripts).
// `?refuse`: the editor's "set data" call is made to do nothing (a restore that cannot take).
(function () {
  var params = new URLSearchParams(location.search);
  window.defineEditor = function (spec) {
    var ready = null;
    window.startEditor = function () {
      if (!ready) {
        ready = Promise.resolve(spec.start()).then(function (editor) {
          window.editor = editor;
          if (params.has("refuse")) spec.refuse(editor);
          return true;
        });
      }
      return ready;
    };
    window.editable = function () { return spec.editable(window.editor); };
    window.editorHtml = function () { return spec.html(window.editor); };
    window.setEditorHtml = function (html) { return spec.set(window.editor, html); };
    if (!params.has("late")) window.startEditor();
  };
})();
