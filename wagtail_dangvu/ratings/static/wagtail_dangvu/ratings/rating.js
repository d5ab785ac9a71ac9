/*
 * The portal's five stars, enhanced. Without this script each star links to the rating
 * page and its plain form. With it, the widget asks the rating API for the reader's state
 * (and a CSRF token), turns the stars into a radio group, and votes in place:
 * a click on a star votes; with the keyboard, arrows choose and Enter (or the button)
 * votes. The result is announced through the widget's role="status" region.
 */
(function () {
  "use strict";

  function Widget(root) {
    this.root = root;
    this.url = root.getAttribute("data-url");
    this.status = root.querySelector(".dangvu-rating__status");
    this.summary = root.querySelector(".dangvu-rating__summary");
    this.ranking = root.querySelector(".dangvu-rating__ranking");
    this.token = null;
    this.form = null;
    this.voted = false;
    this.busy = false;
    this.idleLit = root.querySelectorAll(".dangvu-rating__star.is-lit").length;
  }

  Widget.prototype.start = function () {
    var widget = this;
    fetch(this.url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("rating state " + response.status);
        }
        widget.token = response.headers.get("X-CSRFToken");
        return response.json();
      })
      .then(function (state) {
        widget.enhance();
        widget.show(state);
      })
      .catch(function () {
        // Leave the links to the rating page: they work without us.
      });
  };

  Widget.prototype.enhance = function () {
    var template = this.root.querySelector("template[data-dangvu-rating-form]");
    var choice = this.root.querySelector("[data-dangvu-rating-choice]");
    var form = template.content.firstElementChild.cloneNode(true);
    choice.replaceWith(form);
    this.form = form;
    this.inputs = Array.prototype.slice.call(form.querySelectorAll("input[name=score]"));
    this.stars = Array.prototype.slice.call(form.querySelectorAll(".dangvu-rating__star"));
    this.root.classList.add("is-enhanced");

    var widget = this;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var checked = form.querySelector("input[name=score]:checked");
      if (checked) {
        widget.vote(checked.value);
      } else {
        widget.inputs[0].focus();
      }
    });
    this.stars.forEach(function (star, index) {
      star.addEventListener("mouseenter", function () {
        widget.light(index + 1);
      });
      star.addEventListener("click", function (event) {
        // A pointer click on a star votes at once; arrow keys only choose.
        if (event.detail > 0) {
          event.preventDefault();
          widget.inputs[index].checked = true;
          widget.vote(widget.inputs[index].value);
        }
      });
    });
    form.addEventListener("mouseleave", function () {
      widget.light(widget.currentLit());
    });
    this.inputs.forEach(function (input) {
      input.addEventListener("change", function () {
        widget.light(Number(input.value));
      });
      input.addEventListener("keydown", function (event) {
        if (event.key === "Enter") {
          event.preventDefault();
          widget.vote(input.value);
        }
      });
    });
    form.addEventListener("focusout", function (event) {
      if (!form.contains(event.relatedTarget)) {
        widget.light(widget.currentLit());
      }
    });
  };

  Widget.prototype.currentLit = function () {
    var checked = this.form.querySelector("input[name=score]:checked");
    return checked && this.voted ? Number(checked.value) : this.idleLit;
  };

  Widget.prototype.light = function (count) {
    this.stars.forEach(function (star, index) {
      star.classList.toggle("is-lit", index < count);
    });
  };

  Widget.prototype.show = function (state) {
    if (state.summary) {
      this.summary.textContent = state.summary;
      var template = this.root.getAttribute(
        state.count === 1 ? "data-ranking-one" : "data-ranking-other"
      );
      this.ranking.textContent = template
        .replace("{average}", state.average)
        .replace("{count}", state.count);
      this.summary.hidden = false;
      this.ranking.hidden = false;
    } else {
      this.summary.hidden = true;
      this.ranking.hidden = true;
    }
    this.idleLit = state.average === null ? 0 : Math.floor(Number(state.average) + 0.5);
    if (state.voted) {
      this.voted = true;
      this.root.classList.add("is-voted");
      this.form.querySelector(".dangvu-rating__fieldset").setAttribute("aria-disabled", "true");
      this.inputs[state.score - 1].checked = true;
    }
    this.light(this.currentLit());
  };

  Widget.prototype.announce = function (message) {
    var status = this.status;
    // Empty the region first, so that the same message twice is announced twice.
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = message;
    }, 50);
  };

  Widget.prototype.vote = function (score) {
    if (this.voted) {
      this.announce(this.root.getAttribute("data-already-rated"));
      return;
    }
    if (this.busy) {
      return;
    }
    this.busy = true;
    var widget = this;
    var body = new FormData();
    body.append("score", score);
    body.append("csrfmiddlewaretoken", this.token || "");
    fetch(this.url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { Accept: "application/json", "X-CSRFToken": this.token || "" },
    })
      .then(function (response) {
        return response.json().then(function (data) {
          return { status: response.status, data: data };
        });
      })
      .then(function (result) {
        var data = result.data;
        if (result.status === 201) {
          widget.show(data);
          widget.announce(widget.root.getAttribute("data-thanks") + ". " + (data.summary || ""));
        } else if (result.status === 409) {
          widget.show(data);
          widget.announce(data.error);
        } else {
          widget.light(widget.currentLit());
          widget.announce(data.error || widget.root.getAttribute("data-not-sent"));
        }
      })
      .catch(function () {
        widget.announce(widget.root.getAttribute("data-not-sent"));
      })
      .then(function () {
        widget.busy = false;
      });
  };

  function start() {
    var roots = document.querySelectorAll("[data-dangvu-rating]:not([data-dangvu-started])");
    Array.prototype.forEach.call(roots, function (root) {
      root.setAttribute("data-dangvu-started", "");
      new Widget(root).start();
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
