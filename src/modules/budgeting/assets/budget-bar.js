// Live running total for knapsack ballots: progressive enhancement only. Without this
// file the ballot still works (the server checks the total and shows it after saving).
(() => {
  const total = document.getElementById("budget-total");
  if (!total) return;
  const budget = Number(total.dataset.budget);
  const currency = total.dataset.currency || "GBP";
  const boxes = Array.from(document.querySelectorAll("input[name=choice][data-cost]"));
  const spentEl = total.querySelector("[data-role=spent]");
  const leftEl = total.querySelector("[data-role=left]");
  const bar = total.querySelector("[data-role=bar]");
  const money = (minor) =>
    new Intl.NumberFormat("en-GB", {
      style: "currency",
      currency,
      maximumFractionDigits: minor % 100 === 0 ? 0 : 2,
    }).format(minor / 100);
  const update = () => {
    const spent = boxes.filter((b) => b.checked).reduce((sum, b) => sum + Number(b.dataset.cost), 0);
    spentEl.textContent = money(spent);
    leftEl.textContent =
      spent > budget
        ? `That is ${money(spent - budget)} over the budget. Remove a project.`
        : `${money(budget - spent)} left.`;
    bar.value = Math.min(spent, budget);
    bar.hidden = false;
    total.classList.toggle("govuk-inset-text--over", spent > budget);
  };
  for (const box of boxes) box.addEventListener("change", update);
  update();
})();
