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
    const lines = [], cells = [], rows = [];
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
      cells.push(cell);
      rows.push(row);
    });
    return { lines: lines, cells: cells, rows: rows };
  }

  // Why the totals cannot be computed, said of the input it is about (numbered as the rows are, as the server's
  // errors are on saving), that input marked invalid and described by the message. An input the server had marked
  // keeps its mark once the script's is taken off.
  const said = document.getElementById("calc-error");
  let marked = null;

  function unmark() {
    said.textContent = "";
    if (!marked) return;
    if (marked.dataset.serverInvalid) marked.setAttribute("aria-invalid", "true");
    else marked.removeAttribute("aria-invalid");
    const ids = (marked.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && id !== said.id);
    if (ids.length) marked.setAttribute("aria-describedby", ids.join(" "));
    else marked.removeAttribute("aria-describedby");
    marked = null;
  }

  function mark(input, text) {
    unmark();
    said.textContent = text;
    if (!input) return;
    if (input.getAttribute("aria-invalid") === "true") input.dataset.serverInvalid = "1";
    input.setAttribute("aria-invalid", "true");
    const ids = (input.getAttribute("aria-describedby") || "").split(" ").filter((id) => id);
    if (!ids.includes(said.id)) ids.push(said.id);
    input.setAttribute("aria-describedby", ids.join(" "));
    marked = input;
  }

  // The input and the words for an error of InvoiceCalculation.compute (it names the field: "lines[1].unitPrice").
  function explain(error, rows, code, digits) {
    const parse = window.InvoiceCalculation.parse;
    const example = digits === 0 ? "12" : "12." + "5".padEnd(digits, "0");
    if (error === "currency") {
      return [form.elements["currency"], "Currency: " + code + " is not a currency code like CAD, USD or EUR"];
    }
    const line = /^lines\[(\d+)\]\.(quantity|unitPrice)$/.exec(error);
    if (line) {
      const row = rows[Number(line[1])];
      const number = [...body.querySelectorAll("tr[data-line]")].indexOf(row) + 1;
      const quantity = line[2] === "quantity";
      const input = row.querySelector(quantity ? "input.qty" : "input.price");
      const text = input.value.trim();
      const value = parse(text);
      const what = quantity ? "the quantity" : "the unit price";
      let why;
      if (!text) why = (quantity ? "a quantity is needed, like 1" : "a unit price is needed, like " + example);
      else if (!value) why = what + " " + text + " is not a number like " + (quantity ? "2 or 1.5" : example);
      else if (value.n < 0n) why = what + (quantity ? " must be 0 or more" : " cannot be negative; use the discount to lower the total");
      else why = what + " " + text + (quantity ? " has more than 4 decimals" : " has more decimals than " + code + " has (" + digits + ")");
      return [input, "Line " + number + ": " + why];
    }
    if (error === "discount.value") {
      const input = form.elements["discount.value"];
      const text = input.value.trim();
      if (form.elements["discount.kind"].value === "percent") return [input, "Discount: " + text + " is not a percent from 0 to 100, like 10"];
      const value = parse(text);
      return [input, "Discount: " + text + (!value ? " is not an amount like " + example
        : value.n < 0n ? " cannot be negative" : " has more decimals than " + code + " has (" + digits + ")")];
    }
    return [null, "The " + error + " rate is not a number; correct it in the profile's or the customer's taxes"];
  }

  function recompute() {
    const code = currency();
    const digits = data.currencies[code];
    const { lines, cells, rows } = readLines();
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
      const [input, text] = explain(result.error, rows, code, digits);
      mark(input, text);
      return;
    }
    delete form.dataset.calcError;
    unmark();
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
      delete input.dataset.serverInvalid;
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
