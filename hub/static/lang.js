// Language, on every page. Stays in this browser: the choice is kept in localStorage, never in a cookie.
// 1. The language switch keeps a wizard's answers: they live in the URL fragment (#question=answer&...),
//    which a plain link to the other language would drop.
// 2. The site's root is Dutch. A visitor whose browser prefers French or English gets one offer of that
//    language; the answer is remembered, and a later visit to the root opens the language chosen.
(function () {
  var KEY = "gdpr-hub.lang";
  var OFFER = {
    fr: { text: "Ce site existe aussi en français.", go: "Lire en français", stay: "Rester en néerlandais" },
    en: { text: "This site is also available in English.", go: "Read in English", stay: "Stay in Dutch" }
  };
  function get() { try { return localStorage.getItem(KEY); } catch (e) { return null; } }
  function set(value) { try { localStorage.setItem(KEY, value); } catch (e) { /* storage off: ask again */ } }
  function link(lang) { return document.querySelector("a[data-hub-lang=" + lang + "]"); }
  function answers() { return location.hash.indexOf("=") > 0 ? location.hash : ""; }

  document.addEventListener("click", function (event) {
    var a = event.target.closest && event.target.closest("a[data-hub-lang]");
    if (!a) return;
    set(a.getAttribute("data-hub-lang"));
    if (answers()) a.href = a.href.split("#")[0] + answers();
  }, true);

  var config = document.getElementById("__config");
  if (!config || document.documentElement.lang !== "nl") return;
  var base;
  try { base = new URL(JSON.parse(config.textContent).base + "/", location.href); } catch (e) { return; }
  if (base.pathname !== location.pathname) return;
  var chosen = get();
  if (chosen && chosen !== "nl" && OFFER[chosen] && link(chosen)) { location.replace(link(chosen).href); return; }
  if (chosen) return;
  var wanted = null;
  var languages = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
  for (var i = 0; i < languages.length && !wanted; i++) {
    var primary = String(languages[i]).slice(0, 2).toLowerCase();
    if (primary === "nl" || OFFER[primary]) wanted = primary;
  }
  if (!wanted || wanted === "nl" || !link(wanted)) return;
  var words = OFFER[wanted];
  var box = document.createElement("div");
  box.className = "hub-lang-offer";
  box.setAttribute("lang", wanted);
  box.setAttribute("role", "region");
  box.setAttribute("aria-label", words.text);
  box.innerHTML = '<p></p><a class="md-button md-button--primary"></a><button type="button" class="md-button"></button>';
  box.querySelector("p").textContent = words.text;
  var go = box.querySelector("a");
  go.textContent = words.go;
  go.href = link(wanted).href;
  go.setAttribute("data-hub-lang", wanted);
  var stay = box.querySelector("button");
  stay.textContent = words.stay;
  stay.addEventListener("click", function () {
    set("nl");
    box.hidden = true;
    // The pressed button is gone: focus goes to the page's title, not to the page's body.
    var title = document.querySelector(".md-content__inner h1");
    if (title) { title.tabIndex = -1; title.focus(); }
  });
  var where = document.querySelector(".md-content__inner");
  if (where) where.insertBefore(box, where.firstChild);
})();
