// Material builds its search index (lunr, three languages) in a worker on every page load: about a
// second of processor time on a small machine, spent even when nobody searches. The index is requested
// only once the visitor opens the search; until then Material shows its own "initialising" note.
(function () {
  var release;
  var wanted = new Promise(function (resolve) { release = resolve; });
  document.addEventListener("focusin", function (e) {
    if (e.target.matches && e.target.matches("[data-md-component=search-query]")) release();
  });
  document.addEventListener("change", function (e) {
    if (e.target.id === "__search" && e.target.checked) release();
  });
  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  // One index per language (hub/mkdocs_hooks.py, split_search_index): a Dutch page finds only Dutch pages.
  var lang = document.documentElement.lang;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.hubSearchIndex = /\/search\/search_index\.json$/.test(new URL(String(url), location.href).pathname);
    if (this.hubSearchIndex && /^(nl|fr|en)$/.test(lang)) {
      arguments[1] = String(url).replace(/search_index\.json$/, "search_index." + lang + ".json");
    }
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this, args = arguments;
    if (!xhr.hubSearchIndex) return send.apply(xhr, args);
    wanted.then(function () { send.apply(xhr, args); });
  };
})();
