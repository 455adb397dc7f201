/* The accusé de lecture of a personal link (convocation/links.py): posted once the page is displayed to a person,
   that is visible for a moment or touched, never on the mere GET a mail scanner makes. The link's token, in the
   form, is the credential. */
(function () {
  "use strict";
  var form = document.getElementById("reading-receipt");
  if (!form || !window.fetch) {
    return;
  }
  var sent = false;
  var timer = null;

  function send() {
    if (sent || document.visibilityState !== "visible") {
      return;
    }
    sent = true;
    window.fetch(form.action, {
      method: "POST",
      body: new URLSearchParams(new FormData(form)),
      credentials: "omit",
      keepalive: true,
    });
  }

  function watch() {
    window.clearTimeout(timer);
    if (document.visibilityState === "visible") {
      timer = window.setTimeout(send, 1500);
    }
  }

  document.addEventListener("visibilitychange", watch);
  ["pointerdown", "keydown", "scroll"].forEach(function (kind) {
    window.addEventListener(kind, send, { once: true, passive: true });
  });
  watch();
})();
