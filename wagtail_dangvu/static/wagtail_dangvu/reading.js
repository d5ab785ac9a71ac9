/* The reading features below an article: the copy-link button of the share bar, and the
   view counter. No inline script or handler (a strict Content-Security-Policy holds);
   without JavaScript the address stays a field to select and the total is the one the
   page was rendered with. */
(function () {
  "use strict";

  function copyText(text, field) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Plain http: select the field and let the browser copy it.
    return new Promise(function (resolve, reject) {
      field.hidden = false;
      var input = field.querySelector("input");
      input.focus();
      input.select();
      var copied = false;
      try {
        copied = document.execCommand("copy");
      } catch (error) {
        copied = false;
      }
      if (copied) {
        field.hidden = true;
        resolve();
      } else {
        reject(new Error("copy refused"));
      }
    });
  }

  function enhanceShare(bar) {
    var button = bar.querySelector("[data-dangvu-copy]");
    var field = bar.querySelector("[data-dangvu-address]");
    var status = bar.querySelector("[data-dangvu-share-status]");
    if (!button || !field) {
      return;
    }
    var url = field.querySelector("input").value;
    button.hidden = false;
    field.hidden = true;
    button.addEventListener("click", function () {
      status.textContent = "";
      copyText(url, field).then(
        function () {
          status.textContent = bar.getAttribute("data-copied");
        },
        function () {
          // The address is shown, selected, for the reader to copy.
          field.hidden = false;
        }
      );
    });
  }

  function countView(counter) {
    var total = counter.querySelector("[data-dangvu-views-total]");
    fetch(counter.getAttribute("data-url"), {
      method: "POST",
      credentials: "same-origin",
      keepalive: true,
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        if (data && total) {
          total.textContent = data.display;
        }
      })
      .catch(function () {
        /* An uncounted view is not the reader's concern. */
      });
  }

  function init() {
    document.querySelectorAll("[data-dangvu-share]").forEach(enhanceShare);
    document.querySelectorAll("[data-dangvu-views]").forEach(countView);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
