// The invoice editor: totals, each tax and the discount update as you type (InvoiceCalculation's port),
// the tax columns follow the chosen customer's taxes, "Add line" adds rows and each row's Remove button removes it.
(function () {
  "use strict";
  const form = document.querySelector("form[data-editor]");
  if (!form) return;
  const data = JSON.parse(document.getElementById("editor-data").textContent);
  const body = form.querySelector("#lines tbody");
  let taxes = data.taxes;

  function currency() {
    const typed = (form.elements["currency"].value || "").trim().toUpperCase();
    if (typed) return typed;
    const customer = data.customers[form.elements["customerId"].value];
    return customer ? customer.currency : data.defaultCurrency;
  }

  function grouped(text, code) {
    const negative = text.startsWith("-");
    const [whole, fraction] = text.replace("-", "").split(".");
    const withCommas = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return (negative ? "-" : "") + withCommas + (fraction !== undefined ? "." + fraction : "") + " " + code;
  }

  function showTaxes() {
    for (let t = 0; t < 3; t++) {
      const tax = taxes[t];
      const head = form.querySelector('[data-tax-head="' + t + '"]');
      if (head) { head.textContent = tax ? tax.name : ""; head.hidden = !tax; }
      form.querySelectorAll('[data-tax-cell="' + t + '"]').forEach((cell) => {
        cell.hidden = !tax;
        const box = cell.querySelector("input");
        box.value = tax ? tax.name : "";
      });
      const row = form.querySelector('[data-tax-row="' + t + '"]');
      row.hidden = !tax;
      form.querySelector('[data-tax-label="' + t + '"]').textContent = tax ? tax.name + " " + tax.rate + "%" : "";
    }
  }

  function readLines() {
    const lines = [], rows = [];
    body.querySelectorAll("tr[data-line]").forEach((row) => {
      const quantity = row.querySelector("input.qty").value.trim();
      const unitPrice = row.querySelector("input.price").value.trim();
      const cell = row.querySelector("[data-line-amount]");
      if (!unitPrice && (!quantity || quantity === "1") && !row.querySelector("input.unit").value.trim()) {
        cell.textContent = "";
        return;
      }
      const ticked = [...row.querySelectorAll("input[data-tax-index]")].filter((b) => b.checked && b.value).map((b) => b.value);
      lines.push({ quantity: quantity, unitPrice: unitPrice, taxes: ticked });
      rows.push(cell);
    });
    return { lines: lines, cells: rows };
  }

  function recompute() {
    const code = currency();
    const digits = data.currencies[code];
    const { lines, cells } = readLines();
    const kind = form.elements["discount.kind"].value;
    const value = form.elements["discount.value"].value.trim();
    const result = digits === undefined ? { error: "currency" } : window.InvoiceCalculation.compute({
      digits: digits, lines: lines, taxes: taxes, discount: kind ? { kind: kind, value: value } : null,
    });
    const set = (id, text) => { document.getElementById(id).textContent = text; };
    if (result.error) {
      ["total-subtotal", "total-discount", "total-total", "total-tax-0", "total-tax-1", "total-tax-2"].forEach((id) => set(id, "—"));
      cells.forEach((c) => { c.textContent = ""; });
      form.dataset.calcError = result.error;
      return;
    }
    delete form.dataset.calcError;
    cells.forEach((c, i) => { c.textContent = grouped(result.lines[i].amount, code); });
    set("total-subtotal", grouped(result.subtotal, code));
    set("total-discount", grouped(result.discount, code));
    result.taxes.forEach((t, i) => set("total-tax-" + i, grouped(t.amount, code)));
    set("total-total", grouped(result.total, code));
  }

  // A row as a new line starts: empty, every tax ticked, no errors left from the last save.
  function clear(row) {
    row.querySelectorAll("input").forEach((input) => {
      if (input.type === "checkbox") input.checked = !!input.value;
      else input.value = "";
      input.removeAttribute("aria-invalid");
      input.removeAttribute("aria-describedby");
    });
    row.querySelectorAll(".error").forEach((e) => e.remove());
  }

  // Rows are posted as lines[0], lines[1], ... in their order (the server reads them so, and puts its errors back
  // on the row of that number): after a removal they are numbered again, and each Remove button names its line.
  function renumber() {
    body.querySelectorAll("tr[data-line]").forEach((row, index) => {
      row.querySelectorAll("[name]").forEach((e) => { e.name = e.name.replace(/^lines\[\d+\]/, "lines[" + index + "]"); });
      row.querySelectorAll("[id]").forEach((e) => { e.id = e.id.replace(/^f-lines-\d+/, "f-lines-" + index); });
      row.querySelectorAll("[aria-describedby]").forEach((e) => {
        e.setAttribute("aria-describedby", e.getAttribute("aria-describedby").replace(/^f-lines-\d+/, "f-lines-" + index));
      });
      row.querySelector("[data-remove-line]").setAttribute("aria-label", "Remove line " + (index + 1));
    });
  }

  function addLine() {
    const rows = body.querySelectorAll("tr[data-line]");
    const copy = rows[rows.length - 1].cloneNode(true);
    clear(copy);
    body.appendChild(copy);
    renumber();
    copy.querySelector("input").focus();
    recompute();
  }

  // The last row is emptied rather than removed, so there is always a row to type a line into. Focus goes to the
  // Remove button now in the removed row's place (or the emptied row), not back to the top of the page.
  function removeLine(row) {
    const rows = [...body.querySelectorAll("tr[data-line]")];
    const at = rows.indexOf(row);
    if (rows.length === 1) {
      clear(row);
      renumber();
      row.querySelector("input").focus();
    } else {
      row.remove();
      renumber();
      const left = body.querySelectorAll("tr[data-line]");
      left[Math.min(at, left.length - 1)].querySelector("[data-remove-line]").focus();
    }
    recompute();
  }

  form.elements["customerId"].addEventListener("change", () => {
    if (!data.fixedTaxes) {
      const customer = data.customers[form.elements["customerId"].value];
      taxes = customer && customer.taxes ? customer.taxes : data.profileTaxes;
      showTaxes();
      body.querySelectorAll("input[data-tax-index]").forEach((b) => { b.checked = !!b.value; });
    }
    recompute();
  });
  form.addEventListener("input", recompute);
  form.addEventListener("change", recompute);
  const add = document.getElementById("add-line");
  add.hidden = false;
  add.addEventListener("click", addLine);
  body.querySelectorAll("[data-remove-line]").forEach((b) => { b.hidden = false; });
  body.addEventListener("click", (event) => {
    const remove = event.target.closest("[data-remove-line]");
    if (remove) removeLine(remove.closest("tr"));
  });
  showTaxes();
  recompute();
})();
