/* collective.deliberations document viewer: turns pages without reloading, zoom, keys and swipes.
   Works on the server-rendered @@viewer page; without this script every control is a plain link. */
(function () {
  "use strict";

  function setup(root) {
    var pages = parseInt(root.getAttribute("data-pages"), 10) || 0;
    if (!pages) {
      return;
    }
    var base = root.getAttribute("data-base");
    var page = parseInt(root.getAttribute("data-page"), 10) || 1;
    var zoom = 1;
    var image = root.querySelector(".viewer-page");
    var current = root.querySelector(".viewer-current");
    var previous = root.querySelector(".viewer-prev");
    var next = root.querySelector(".viewer-next");
    var zoomIn = root.querySelector(".viewer-zoom-in");
    var zoomOut = root.querySelector(".viewer-zoom-out");

    function url(n) {
      return base + "/@@viewer?page=" + n;
    }

    function show(n, push) {
      n = Math.min(Math.max(n, 1), pages);
      page = n;
      image.src = base + "/@@viewer-image/large/" + n;
      image.alt = "Page " + n;
      current.textContent = String(n);
      previous.href = url(Math.max(n - 1, 1));
      next.href = url(Math.min(n + 1, pages));
      previous.setAttribute("aria-disabled", n === 1 ? "true" : "false");
      next.setAttribute("aria-disabled", n === pages ? "true" : "false");
      root.setAttribute("data-page", String(n));
      root.querySelectorAll(".viewer-thumbnail").forEach(function (thumb) {
        if (parseInt(thumb.getAttribute("data-page"), 10) === n) {
          thumb.setAttribute("aria-current", "page");
        } else {
          thumb.removeAttribute("aria-current");
        }
      });
      if (push && window.history && window.history.pushState) {
        window.history.pushState({ page: n }, "", url(n));
      }
    }

    function setZoom(value) {
      zoom = Math.min(Math.max(value, 0.5), 4);
      image.style.maxWidth = "none";
      image.style.width = zoom * 100 + "%";
      root.setAttribute("data-zoom", String(zoom));
    }

    function follow(event, n) {
      event.preventDefault();
      show(n, true);
    }

    previous.addEventListener("click", function (event) { follow(event, page - 1); });
    next.addEventListener("click", function (event) { follow(event, page + 1); });
    root.querySelectorAll(".viewer-thumbnail, .viewer-match").forEach(function (link) {
      link.addEventListener("click", function (event) {
        follow(event, parseInt(link.getAttribute("data-page"), 10));
      });
    });
    zoomIn.hidden = false;
    zoomOut.hidden = false;
    zoomIn.addEventListener("click", function () { setZoom(zoom + 0.25); });
    zoomOut.addEventListener("click", function () { setZoom(zoom - 0.25); });

    document.addEventListener("keydown", function (event) {
      var tag = (event.target.tagName || "").toLowerCase();
      if (tag === "input" || tag === "textarea" || tag === "select") {
        return;
      }
      if (event.key === "ArrowRight" || event.key === "PageDown") {
        follow(event, page + 1);
      } else if (event.key === "ArrowLeft" || event.key === "PageUp") {
        follow(event, page - 1);
      } else if (event.key === "+" || event.key === "=") {
        setZoom(zoom + 0.25);
      } else if (event.key === "-") {
        setZoom(zoom - 0.25);
      } else if (event.key === "Home") {
        follow(event, 1);
      } else if (event.key === "End") {
        follow(event, pages);
      }
    });

    var startX = null;
    var startY = null;
    image.addEventListener("touchstart", function (event) {
      if (event.touches.length === 1) {
        startX = event.touches[0].clientX;
        startY = event.touches[0].clientY;
      }
    }, { passive: true });
    image.addEventListener("touchend", function (event) {
      if (startX === null || zoom > 1) {
        return;
      }
      var dx = event.changedTouches[0].clientX - startX;
      var dy = event.changedTouches[0].clientY - startY;
      startX = null;
      if (Math.abs(dx) > 50 && Math.abs(dx) > Math.abs(dy)) {
        show(dx < 0 ? page + 1 : page - 1, true);
      }
    });

    window.addEventListener("popstate", function (event) {
      if (event.state && event.state.page) {
        show(event.state.page, false);
      }
    });
    root.setAttribute("data-viewer-ready", "true");
  }

  function start() {
    document.querySelectorAll(".deliberations-viewer").forEach(setup);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
