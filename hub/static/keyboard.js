// The theme's header and side menu for keyboard and screen-reader users (issue 25), on every page. It
// works before and without mkdocs-material's own script (on a wizard page that script starts late).
(function () {
  var narrow = window.matchMedia("(max-width: 76.234375em)");  // below 1220 px the side menu is a drawer

  // The theme's menu and search buttons in the header are labels of hidden checkboxes: a mouse can press
  // them, the keyboard cannot even reach them. They become buttons that Enter and Space press.
  function asButton(label, name, toggle) {
    if (!label || !toggle) return;
    label.setAttribute("role", "button");
    label.tabIndex = 0;
    if (name && !label.getAttribute("aria-label")) label.setAttribute("aria-label", name);
    label.setAttribute("aria-expanded", String(toggle.checked));
    label.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      label.click();
    });
    toggle.addEventListener("change", function () { label.setAttribute("aria-expanded", String(toggle.checked)); });
  }

  // 1. The side menu. Closed below 1220 px it sits off screen, yet its links stayed in the tab order: 56
  //    of the 66 tab stops before a wizard's first question. Closed, it is inert now; open, focus goes
  //    into it, and Escape closes it and returns to the menu button.
  var drawer = document.getElementById("__drawer");
  var sidebar = document.querySelector(".md-sidebar--primary");
  var menuButton = document.querySelector('label.md-header__button[for="__drawer"]');
  function syncDrawer() {
    if (!drawer || !sidebar) return;
    var closed = narrow.matches && !drawer.checked;
    if (closed) sidebar.setAttribute("inert", "");
    else sidebar.removeAttribute("inert");
  }
  if (drawer && sidebar) {
    asButton(menuButton, "Menu", drawer);
    drawer.addEventListener("change", function () {
      syncDrawer();
      var first = sidebar.querySelector("a[href], label[tabindex]");
      if (drawer.checked && narrow.matches && first && menuButton === document.activeElement) first.focus();
    });
    if (narrow.addEventListener) narrow.addEventListener("change", syncDrawer);
    syncDrawer();
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !drawer.checked || !narrow.matches) return;
      drawer.checked = false;
      drawer.dispatchEvent(new Event("change"));
      if (menuButton) menuButton.focus();
    });
  }

  // 2. The language menu opened on hover or focus, Escape did not close it and its button did nothing.
  //    Now it is a disclosure: the button opens and closes it; Escape, a click elsewhere or leaving it
  //    with Tab closes it. Closed, its links are hidden from the keyboard too (hub.css).
  var langButton = document.querySelector("button.hub-lang");
  var langMenu = langButton && langButton.closest(".md-select");
  if (langMenu) {
    var list = langMenu.querySelector(".md-select__inner");
    langMenu.classList.add("hub-select");
    if (list) {
      list.id = list.id || "hub-lang-list";
      langButton.setAttribute("aria-controls", list.id);
    }
    var setOpen = function (open) {
      langMenu.classList.toggle("hub-select--open", open);
      langButton.setAttribute("aria-expanded", String(open));
    };
    setOpen(false);
    langButton.addEventListener("click", function () {
      var open = !langMenu.classList.contains("hub-select--open");
      setOpen(open);
      var current = langMenu.querySelector("[aria-current=true]") || langMenu.querySelector("a");
      if (open && current) current.focus();
    });
    langMenu.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !langMenu.classList.contains("hub-select--open")) return;
      event.stopPropagation();
      setOpen(false);
      langButton.focus();
    });
    langMenu.addEventListener("focusout", function (event) {
      if (!event.relatedTarget || !langMenu.contains(event.relatedTarget)) setOpen(false);
    });
    document.addEventListener("click", function (event) { if (!langMenu.contains(event.target)) setOpen(false); });
  }

  // 3. The search. Closing it with Escape left focus on the page's body: it returns to where the visitor
  //    was before the search opened. On a narrow screen its header button becomes a real button.
  var search = document.getElementById("__search");
  var searchInput = document.querySelector("[data-md-component=search-query]");
  asButton(document.querySelector('label.md-header__button[for="__search"]'),
           searchInput && searchInput.getAttribute("aria-label"), search);
  var before = null;
  document.addEventListener("focusin", function (event) {
    var inSearch = event.target.closest && event.target.closest(".md-search, label[for=__search]");
    if (!inSearch) before = event.target;
  });
  if (search) {
    search.addEventListener("change", function () {
      if (search.checked) return;
      // The theme blurs the field after it closes the search: wait for that, then take focus back.
      setTimeout(function () {
        var lost = document.activeElement === document.body || (document.activeElement && document.activeElement.closest(".md-search"));
        if (!lost) return;
        var opener = document.querySelector('label.md-header__button[for="__search"]');
        if (opener && opener.offsetParent === null) opener = null;  // shown on narrow screens only
        var back = before && before.isConnected && before.offsetParent !== null ? before : opener;
        if (back) back.focus();
      }, 0);
    });
  }
})();
