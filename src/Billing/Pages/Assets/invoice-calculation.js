// A port of src/Billing/Invoices/InvoiceCalculation.cs (SPEC 1.4) for the invoice editor's live totals.
// Exact decimal arithmetic on BigInt (value = n / 10^s), so the browser shows what the server will save:
//  line amount = quantity x unit price, rounded half away from zero to the currency's decimals;
//  a percent discount reduces each line by its rounded share; an amount discount is allocated over the lines
//  in proportion to their amounts (largest remainders first, then line order), summing exactly;
//  tax T = rate(T) x (discounted amounts of the lines ticked for T, plus the base tax's unrounded amount on
//  lines ticked for both when T is charged on it), rounded once per invoice; total = subtotal - discount + taxes.
(function (global) {
  "use strict";
  const TEN = 10n;
  const pow10 = (k) => TEN ** BigInt(k);
  const dec = (n, s) => ({ n: n, s: s });
  const ZERO = dec(0n, 0);

  function parse(text, maxDecimals) {
    if (typeof text !== "string") return null;
    const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/.exec(text);
    if (!m || (m[2] === "" && (m[3] === undefined || m[3] === ""))) return null;
    let frac = (m[3] || "").replace(/0+$/, "");
    if (maxDecimals !== undefined && frac.length > maxDecimals) return null;
    const n = BigInt((m[2] || "0") + frac) * (m[1] === "-" ? -1n : 1n);
    return dec(n, frac.length);
  }

  function align(a, b) {
    const s = Math.max(a.s, b.s);
    return [a.n * pow10(s - a.s), b.n * pow10(s - b.s), s];
  }
  const add = (a, b) => { const [x, y, s] = align(a, b); return dec(x + y, s); };
  const sub = (a, b) => { const [x, y, s] = align(a, b); return dec(x - y, s); };
  const mul = (a, b) => dec(a.n * b.n, a.s + b.s);
  const percentOf = (a, rate) => { const p = mul(a, rate); return dec(p.n, p.s + 2); };
  const cmp = (a, b) => { const [x, y] = align(a, b); return x < y ? -1 : x > y ? 1 : 0; };

  // Half away from zero, like Money.Round(..., MidpointRounding.AwayFromZero).
  function round(a, digits) {
    if (a.s <= digits) return dec(a.n * pow10(digits - a.s), digits);
    const div = pow10(a.s - digits);
    let q = a.n / div;
    const r = a.n % div;
    const twice = (r < 0n ? -r : r) * 2n;
    if (twice >= div) q += a.n < 0n ? -1n : 1n;
    return dec(q, digits);
  }

  function format(a, digits) {
    const v = round(a, digits);
    const negative = v.n < 0n;
    let digitsText = (negative ? -v.n : v.n).toString().padStart(digits + 1, "0");
    const text = digits === 0 ? digitsText : digitsText.slice(0, -digits) + "." + digitsText.slice(-digits);
    return (negative ? "-" : "") + text;
  }

  // Allocation.Allocate: floor shares, then the leftover minor units to the largest remainders (ties: earlier line).
  // Each share is computed as .NET decimal does it, magnitude * (weight / weightSum): the ratio rounded to 28
  // decimals, the product to 96 bits (both half to even), so near-ties order exactly as on the server.
  const TWO_96 = 1n << 96n;
  function halfEven(n, d) {
    let q = n / d;
    const twice = 2n * (n % d);
    if (twice > d || (twice === d && (q & 1n) === 1n)) q += 1n;
    return q;
  }
  function decimalShare(magnitude, weight, weightSum) {
    let p = magnitude * halfEven(weight * pow10(28), weightSum), s = 28;
    if (p >= TWO_96) {
      let k = 0;
      while (p / pow10(k) >= TWO_96) k++;
      p = halfEven(p, pow10(k));
      s -= k;
      if (p >= TWO_96) { p = halfEven(p, TEN); s -= 1; }
    }
    return [p, s];
  }
  function allocate(totalMinor, weightsMinor) {
    const count = weightsMinor.length;
    const sign = totalMinor < 0n ? -1n : 1n;
    const magnitude = totalMinor < 0n ? -totalMinor : totalMinor;
    const weightSum = weightsMinor.reduce((x, y) => x + y, 0n);
    const parts = [], remainders = [];
    let given = 0n;
    for (let i = 0; i < count; i++) {
      // All-zero weights split evenly (equal remainders: the earlier lines get the leftover).
      const [p, s] = weightSum === 0n ? [magnitude, 0] : decimalShare(magnitude, weightsMinor[i], weightSum);
      const unit = weightSum === 0n ? BigInt(count) : pow10(s);
      parts.push(p / unit);
      remainders.push([p % unit, unit]);
      given += parts[i];
    }
    const order = [...Array(count).keys()].sort((i, j) => {
      const left = remainders[i][0] * remainders[j][1], right = remainders[j][0] * remainders[i][1];
      return left > right ? -1 : left < right ? 1 : i - j;
    });
    for (let k = 0n; k < magnitude - given; k++) parts[order[Number(k % BigInt(count))]] += 1n;
    return parts.map((p) => sign * p);
  }

  const same = (a, b) => a.toUpperCase() === b.toUpperCase();
  const ticks = (line, name) => line.taxes.some((t) => same(t, name));

  function unroundedTax(tax, line, discounted, taxes, depth) {
    let basis = discounted;
    if (tax.chargedOn && depth < taxes.length && ticks(line, tax.chargedOn)) {
      const other = taxes.find((t) => same(t.name, tax.chargedOn));
      if (other) basis = add(basis, unroundedTax(other, line, discounted, taxes, depth + 1));
    }
    return percentOf(basis, tax.rate);
  }

  // input: { digits, lines: [{ quantity, unitPrice, taxes: [names] }], taxes: [{ name, rate, chargedOn }],
  //          discount: null | { kind: "percent" | "amount", value } } (numbers as strings, like the API).
  // Returns amounts as strings with the currency's decimals, or { error } naming the first field that does not parse.
  function compute(input) {
    const digits = input.digits;
    const taxes = [];
    for (const t of input.taxes) {
      const rate = parse(String(t.rate));
      if (!rate) return { error: "tax " + t.name };
      taxes.push({ name: t.name, rate: rate, chargedOn: t.chargedOn || null });
    }
    const lines = [], amounts = [];
    for (let i = 0; i < input.lines.length; i++) {
      const l = input.lines[i];
      const quantity = parse(l.quantity, 4);
      const price = parse(l.unitPrice, digits);
      if (!quantity || quantity.n < 0n) return { error: "lines[" + i + "].quantity" };
      if (!price || price.n < 0n) return { error: "lines[" + i + "].unitPrice" };
      lines.push({ taxes: l.taxes || [] });
      amounts.push(round(mul(quantity, price), digits));
    }
    const subtotal = amounts.reduce(add, dec(0n, digits));
    let discounted = amounts;
    const d = input.discount;
    if (d && d.kind && d.value !== undefined && String(d.value).trim() !== "") {
      if (d.kind === "percent") {
        const percent = parse(String(d.value), 4);
        if (!percent || percent.n < 0n || cmp(percent, dec(100n, 0)) > 0) return { error: "discount.value" };
        discounted = amounts.map((a) => sub(a, round(percentOf(a, percent), digits)));
      } else if (d.kind === "amount") {
        const amount = parse(String(d.value), digits);
        if (!amount || amount.n < 0n) return { error: "discount.value" };
        if (amounts.length > 0 && amount.n !== 0n) {
          const shares = allocate(round(amount, digits).n, amounts.map((a) => a.n));
          discounted = amounts.map((a, i) => dec(a.n - shares[i], digits));
        }
      }
    }
    const discount = sub(subtotal, discounted.reduce(add, dec(0n, digits)));
    const taxTotals = taxes.map((tax) => {
      let unrounded = ZERO;
      lines.forEach((line, i) => {
        if (ticks(line, tax.name)) unrounded = add(unrounded, unroundedTax(tax, line, discounted[i], taxes, 0));
      });
      return { name: tax.name, amount: round(unrounded, digits) };
    });
    const total = taxTotals.reduce((sum, t) => add(sum, t.amount), sub(subtotal, discount));
    return {
      lines: amounts.map((a, i) => ({ amount: format(a, digits), discountedAmount: format(discounted[i], digits) })),
      taxes: taxTotals.map((t) => ({ name: t.name, amount: format(t.amount, digits) })),
      subtotal: format(subtotal, digits),
      discount: format(discount, digits),
      total: format(total, digits),
    };
  }

  global.InvoiceCalculation = { compute: compute, format: format, parse: parse };
})(window);
