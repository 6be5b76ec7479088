// Live totals of the cost table of an offer or a report. Only a help: the server computes and checks everything again.
(function () {
  "use strict";
  function parse(value) {
    var text = String(value || "").replace(/\s/g, "").replace(",", ".");
    var number = parseFloat(text);
    return isNaN(number) ? 0 : number;
  }
  function format(number) {
    return number.toFixed(2).replace(".", ",").replace(/\B(?=(\d{3})+(?!\d))/g, " ") + " zł";
  }
  function update(form) {
    var total = 0;
    form.querySelectorAll("[data-cost-row]").forEach(function (row) {
      var cost = row.querySelector("[data-money][name$='-unit_cost']");
      var units = row.querySelector("[data-units]");
      if (!cost || !units) { return; }
      var line = Math.round(parse(cost.value) * parse(units.value) * 100) / 100;
      total += line;
    });
    var sources = 0;
    // "costs_used": the subsidy used, on the report form (the same table as executed).
    ["requested_amount", "costs_used", "own_financial", "own_personal", "own_material", "recipient_fees"].forEach(function (name) {
      var input = form.querySelector("[name='" + name + "']");
      if (input) { sources += parse(input.value); }
    });
    var output = form.querySelector("[data-cost-summary]");
    if (output) {
      output.hidden = false;
      output.textContent = "Σ " + format(total) + " / " + format(sources);
    }
  }
  document.addEventListener("DOMContentLoaded", function () {
    // The offer form, or the form completing an offer (its cost table sits inside it).
    var table = document.querySelector("[data-cost-table]");
    var form = document.querySelector("[data-offer-form]") || (table && table.closest("form"));
    if (!form) { return; }
    form.addEventListener("input", function () { update(form); });
  });
})();
